package io.ordergate.gateway.orders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestReader;

/**
 * The order route feeds body after body to one non-blocking parser per connection: a broken body must be answered
 * word for word as a blocking parser answers it, and must leave nothing behind that changes how the next body reads.
 */
class FedOrderBodiesTest
{
    private static final String ORDER = "{\"account_id\": \"paper-1\", \"symbol\": \"EURUSD\", \"side\": \"buy\", \"type\": \"limit\", "
        + "\"quantity\": 0.25, \"price\": \"1.08345\", \"client_order_id\": \"c-1\"}";

    private final RequestReader fed = new RequestReader();
    private final OrderRequest order = new OrderRequest(Map.of());

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"account_id\":", "{\"account_id\": \"paper-1\"", "   ", "\n", "12", "\"text\"", "[1, 2]", "[{\"not_a_field\": 1}]", "null",
        ORDER + " x", ORDER + "{}", ORDER + " 12", ORDER + " tru", ORDER + " {\"quantity\": 1", ORDER + " [",
        "{\"quantity\": true,", "{'account_id': 'paper-1'}", "{\"quantity\": NaN}", "{\"quantity\": 01}", "{\"quantity\": 1.}",
        "{\"account_id\": \"paper-1\", \"account_id\": \"paper-2\"}", "{\"no_such_field\": 1}", "{\"symbol\": {\"nested\": 1}}",
        "{\"side\": \"sideways\"} ", "{\"quantity\": 1e}", "{\"client_order_id\": \"unterminated}"})
    void shouldAnswerABrokenBodyAsABlockingParserDoesAndReadTheNextBodyAsIfFirst(final String broken) throws BadRequest
    {
        final byte[] expected = encoded(new RequestReader(), ORDER);
        assertArrayEquals(expected, encoded(fed, ORDER), "the first body");

        final BadRequest answer = assertThrows(BadRequest.class, () -> encoded(fed, broken));
        final String verdict = blockingParserVerdict(broken);
        if (verdict == null)
        {
            final BadRequest first = assertThrows(BadRequest.class, () -> encoded(new RequestReader(), broken), "a problem in its fields");
            assertEquals(first.code(), answer.code(), broken);
            assertEquals(first.getMessage(), answer.getMessage(), broken);
            assertEquals(first.field(), answer.field(), broken);
        }
        else
        {
            assertEquals(verdict, answer.getMessage(), broken);
            assertEquals(verdict.endsWith("must be a JSON object") ? ResultCode.VALIDATION_ERROR : ResultCode.INVALID_JSON, answer.code(), broken);
        }

        assertArrayEquals(expected, encoded(fed, ORDER), "the body after " + broken);
        assertArrayEquals(expected, encoded(fed, "  " + ORDER + " \r\n\t"), "a body with whitespace around it");
        assertArrayEquals(expected, encoded(fed, ORDER), "the body after that");
    }

    private byte[] encoded(final RequestReader in, final String json) throws BadRequest
    {
        final byte[] body = json.getBytes(StandardCharsets.UTF_8);
        order.decode(in, body, body.length);
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[512]);
        final BodyWriter writer = new BodyWriter().wrap(frame, 0);
        order.encode(writer);
        final byte[] bytes = new byte[writer.length()];
        frame.getBytes(0, bytes);
        return bytes;
    }

    /**
     * What a body is to jackson's blocking parser read to its end, worded as API.md's INVALID_JSON and shape answers
     * are; null for one JSON object (its fields are the route's to judge).
     */
    private static String blockingParserVerdict(final String json)
    {
        try (JsonParser parser = new JsonFactory().createParser(json.getBytes(StandardCharsets.UTF_8)))
        {
            final JsonToken first = parser.nextToken();
            if (first == null)
            {
                return "request body is empty; a JSON object is required";
            }
            parser.skipChildren();
            if (parser.nextToken() != null)
            {
                return "request body has more than one JSON value";
            }
            return first == JsonToken.START_OBJECT ? null : "request body must be a JSON object";
        }
        catch (final JsonProcessingException ex)
        {
            return "request body is not valid JSON: " + ex.getOriginalMessage().split("\n")[0];
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
