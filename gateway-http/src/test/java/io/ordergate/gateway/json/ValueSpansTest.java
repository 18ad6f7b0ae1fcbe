package io.ordergate.gateway.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;

/**
 * Where an object or array starts and ends, as {@link BodyParser} finds it without asking jackson for a location, is
 * where jackson's own locations put it: in blocking and fed bodies, fed one after another, over layouts that move a
 * fed parser's offsets (whitespace before a bracket, empty values) and texts holding brackets and escaped quotes.
 */
class ValueSpansTest
{
    private static final String[] VALUES = {
        "{}", "{ }", "[]", "[ ]", "{\"b\":1}", "{\"b\":1 }", "{ \"b\" : 1.5\t\r\n}", "{\"b\":\"x}\\\"]{\"}",
        "{\"b\":[1,2 ] }", "{\"b\":{\"c\":{}},\"d\":[{},[]]}", "{\"b\":\"\\\\\"}", "{\"b\":\"é}€\"}", "{\"b\":null}",
        "{\"b\":[true,false]\n}",
    };
    private static final String[] GAPS = {"", " ", "\n  ", "\t"};

    @Test
    void shouldPlaceEveryObjectAndArrayWhereJacksonPlacesIt() throws IOException, BadRequest
    {
        final JsonFactory factory = new JsonFactory();
        final BodyParser fed = new BodyParser(factory, false);
        final BodyParser blocking = new BodyParser(factory, false);
        int compared = 0;
        for (final String value : VALUES)
        {
            for (final String gap : GAPS)
            {
                final String json = "{" + gap + "\"a\":" + gap + value + gap + "," + gap + "\"z\":[" + value + "]" + gap + "}" + gap;
                final byte[] body = json.getBytes(StandardCharsets.UTF_8);
                final List<String> expected = spansAsJacksonSays(factory, body);
                assertEquals(expected, spans(fed, true, body), "fed: " + json);
                assertEquals(expected, spans(blocking, false, body), "blocking: " + json);
                compared += expected.size();
            }
        }
        // each body: its own object, the "z" array, and twice the value's 21 objects and arrays (all values together)
        assertEquals(GAPS.length * (2 * VALUES.length + 2 * 21), compared, "every span compared");
    }

    @Test
    void shouldFindNoEndForAValueThatIsNotOneOrDoesNotClose()
    {
        final byte[] bytes = "{\"a\":[1,{\"b\":\"]}\"}".getBytes(StandardCharsets.US_ASCII);
        assertEquals(-1, ValueSpans.closingEnd(bytes, 0, bytes.length), "the outer object never closes");
        assertEquals(-1, ValueSpans.closingEnd(bytes, 1, bytes.length), "a quote opens no value");
        assertEquals(bytes.length, ValueSpans.closingEnd(bytes, 8, bytes.length), "a bracket inside a string is text");
        assertEquals(-1, ValueSpans.closingEnd(bytes, 8, bytes.length - 1), "not before the given length");
    }

    /** Each object's and array's [start, end) from the bytes: a blocking parser's token and current locations. */
    private static List<String> spansAsJacksonSays(final JsonFactory factory, final byte[] body) throws IOException
    {
        final List<String> spans = new ArrayList<>();
        final Deque<Integer> starts = new ArrayDeque<>();
        try (JsonParser parser = factory.createParser(body))
        {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken())
            {
                if (token.isStructStart())
                {
                    starts.push((int)parser.currentTokenLocation().getByteOffset());
                }
                else if (token.isStructEnd())
                {
                    spans.add(starts.pop() + ".." + parser.currentLocation().getByteOffset());
                }
            }
        }
        spans.sort(null);
        return spans;
    }

    private static List<String> spans(final BodyParser bodies, final boolean feed, final byte[] body) throws IOException, BadRequest
    {
        final List<String> spans = new ArrayList<>();
        final Deque<Integer> starts = new ArrayDeque<>();
        bodies.open(feed, false, body, body.length);
        for (JsonToken token = bodies.next(); token != null && token != JsonToken.NOT_AVAILABLE; token = bodies.next())
        {
            if (token.isStructStart())
            {
                starts.push(bodies.tokenStart());
            }
            else if (token.isStructEnd())
            {
                final int start = starts.pop();
                spans.add(start + ".." + bodies.valueEnd(start));
                if (starts.isEmpty())
                {
                    break;
                }
            }
        }
        bodies.expectEnd();
        bodies.close();
        spans.sort(null);
        return spans;
    }
}
