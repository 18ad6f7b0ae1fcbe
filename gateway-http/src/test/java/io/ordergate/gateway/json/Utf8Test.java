package io.ordergate.gateway.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict UTF-8 for bodies: what the JDK's strict decoder refuses is refused too, and BOMs and NULs besides. */
class Utf8Test
{
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"C0AF", "E080AF", "EDA080", "F4908080", "FF", "80", "E282", "FFFE7B007D00", "FEFF007B", "EFBBBF7B7D", "7B007D"})
    void shouldRefuseOverlongsSurrogatesTruncationsByteOrderMarksAndNul(final String hex)
    {
        final byte[] bytes = java.util.HexFormat.of().parseHex(hex);
        assertNotEquals(Utf8.VALID, Utf8.firstError(bytes, 0, bytes.length));
    }

    @Test
    void shouldAgreeWithTheJdksStrictDecoderOnRandomBytes()
    {
        final SplittableRandom random = new SplittableRandom(8);
        for (int round = 0; round < 200_000; round++)
        {
            final byte[] bytes = new byte[random.nextInt(1, 8)];
            for (int i = 0; i < bytes.length; i++)
            {
                bytes[i] = (byte)(random.nextBoolean() ? random.nextInt(0x20, 0x7F) : random.nextInt(0x80, 0x100));
            }
            final boolean jdk = jdkAccepts(bytes);
            final boolean ours = Utf8.firstError(bytes, 0, bytes.length) == Utf8.VALID;
            final boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
            assertEquals(jdk && !bom, ours, () -> java.util.HexFormat.of().formatHex(bytes));
        }
    }

    @Test
    void shouldAcceptEveryPlaneOfText()
    {
        final byte[] text = "{\"name\":\"caf\u00e9 \u20ac \ud83d\ude00\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(Utf8.VALID, Utf8.firstError(text, 0, text.length));
    }

    private static boolean jdkAccepts(final byte[] bytes)
    {
        try
        {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes));
            return true;
        }
        catch (final CharacterCodingException ex)
        {
            return false;
        }
    }
}
