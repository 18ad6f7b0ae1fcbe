package io.ordergate.gateway.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every non-numeric number jackson reads becomes null; strings, words and exponents stay as sent. */
class NonNumericNumbersTest
{
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"a\":NaN}|{\"a\":null}",
        "[Infinity,-Infinity,+Infinity]|[null,null,null]",
        "[INF, -INF ,NaN]|[null, null ,null]",
        "{\"NaN\":\"Infinity \\\" NaN\",\"b\":-1.5E-7}|{\"NaN\":\"Infinity \\\" NaN\",\"b\":-1.5E-7}",
        "[true,false,null,1e5,NaN]|[true,false,null,1e5,null]",
    })
    void shouldWriteEachNonNumericNumberAsNull(final String sent, final String answered)
    {
        final byte[] bytes = sent.getBytes(StandardCharsets.UTF_8);
        final byte[] rewritten = NonNumericNumbers.asNull(bytes);
        assertEquals(answered, new String(rewritten, StandardCharsets.UTF_8));
        if (sent.equals(answered))
        {
            assertSame(bytes, rewritten, "nothing to rewrite: no copy");
        }
    }
}
