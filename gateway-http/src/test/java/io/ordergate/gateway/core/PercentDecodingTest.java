package io.ordergate.gateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.json.BadRequest;

/** %-escapes in the request target: malformed ones are a 400 whose message never repeats the target. */
class PercentDecodingTest
{
    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/orders?%", "/api/v1/orders?account_id=%ZZ", "/api/v1/groups/%", "/webhook/tradingview/s3cret%Z", "/a%2"})
    void shouldRefuseAMalformedEscapeWithoutRepeatingTheTarget(final String uri)
    {
        final BadRequest bad = assertThrows(BadRequest.class, () -> PercentDecoding.checkEscapes(uri));
        assertEquals(ResultCode.VALIDATION_ERROR, bad.code());
        assertEquals("the request target has a malformed %-escape", bad.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/orders?account_id=paper%2D1", "/webhook/tradingview/a%20b", "/x?y=%e2%82%ac"})
    void shouldAcceptWellFormedEscapes(final String uri) throws BadRequest
    {
        PercentDecoding.checkEscapes(uri);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%C0%AF", "%ED%A0%80", "%FF", "%E2%82"})
    void shouldRefuseEscapesThatAreNotUtf8(final String component)
    {
        assertThrows(BadRequest.class, () -> PercentDecoding.decode(component, 0, component.length(), false));
    }

    @org.junit.jupiter.api.Test
    void shouldDecodePlusAsASpaceOnlyInTheQuery() throws BadRequest
    {
        assertEquals("a b\u20ac", PercentDecoding.decode("a+b%E2%82%AC", 0, 12, true));
        assertEquals("a+b", PercentDecoding.decode("a+b", 0, 3, false));
    }
}
