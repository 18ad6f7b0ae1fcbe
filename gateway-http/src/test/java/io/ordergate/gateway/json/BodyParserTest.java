package io.ordergate.gateway.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;

/** When the order route's fed parser is kept for the next body, and when a body gets a new one. */
class BodyParserTest
{
    private final BodyParser bodies = new BodyParser(new JsonFactory(), false);

    @Test
    void shouldKeepTheFedParserOnlyAfterABodyReadToItsEndAndAccepted() throws IOException, BadRequest
    {
        final JsonParser first = readWhole("{\"a\": 1}");
        assertSame(first, readWhole("{\"b\": [1, 2]}\n"), "an accepted body leaves the parser waiting for the next");

        final JsonParser beforeRefusal = readWhole("{\"invented_name\": 1}");
        bodies.refused();
        final JsonParser afterRefusal = readWhole("{\"a\": 1}");
        assertNotSame(beforeRefusal, afterRefusal, "a refused body's names go with its parser");

        final JsonParser halfRead = open("{\"a\": 1, \"b\": 2}");
        assertEquals(JsonToken.START_OBJECT, bodies.next());
        bodies.close();
        assertNotSame(halfRead, readWhole("{\"a\": 1}"), "a parser left inside a body is not fed another");
    }

    @Test
    void shouldRefuseABodyThatStopsShortAndFeedTheNextToANewParser() throws IOException, BadRequest
    {
        final JsonParser before = readWhole("{}");
        open("{\"a\": ");
        bodies.next();
        bodies.next();
        final BadRequest answer = assertThrows(BadRequest.class, bodies::next);
        assertEquals("INVALID_JSON", answer.code().name());
        assertNotSame(before, readWhole("{}"));
    }

    private JsonParser open(final String json) throws IOException
    {
        final byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return bodies.open(true, false, body, body.length);
    }

    private JsonParser readWhole(final String json) throws IOException, BadRequest
    {
        final JsonParser parser = open(json);
        assertEquals(JsonToken.START_OBJECT, bodies.next());
        parser.skipChildren();
        bodies.expectEnd();
        bodies.close();
        return parser;
    }
}
