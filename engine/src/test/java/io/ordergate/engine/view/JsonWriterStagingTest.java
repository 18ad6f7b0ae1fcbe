package io.ordergate.engine.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonWriter} stages what it writes and copies it into the buffer a piece at a time: documents longer than its
 * stage, values that straddle the stage's end, and the promise that a finished top-level value is in the buffer.
 * Read back with jackson-core, so the expected values are the ones written, not a second copy of the writer's rules.
 */
class JsonWriterStagingTest
{
    private static final String[] STRINGS = {"plain", "q\"b\\s", "line\nfeed\ttab\u0001", "caf\u00e9 \u20ac", "a\uD83D\uDE00b", ""};
    private static final long[] LONGS = {0, -1, 42, Long.MIN_VALUE, Long.MAX_VALUE};
    private static final int OFFSET = 5;
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(16);
    private final JsonWriter json = new JsonWriter();

    @Test
    void writesADocumentManyTimesLongerThanItsStageWhole() throws IOException
    {
        for (int i = 0; i < OFFSET; i++)
        {
            buffer.putByte(i, (byte)'#');
        }
        final int elements = 3_000;
        json.wrap(buffer, OFFSET).startArray();
        for (int i = 0; i < elements; i++)
        {
            json.startObject()
                .name("s").string(STRINGS[i % STRINGS.length] + i)
                .name("n").number(LONGS[i % LONGS.length])
                .name("d").decimal(LONGS[i % LONGS.length], i % 19)
                .name("id").idString(i)
                .name("t").time(1_796_229_000_123_000L + i * 1_000L)
                .name("b").bool(i % 2 == 0)
                .name("z").nullValue()
                .endObject();
        }
        json.endArray();

        assertEquals("#####", buffer.getStringWithoutLengthAscii(0, OFFSET), "nothing written before the offset");
        try (JsonParser parser = parser(OFFSET, json.length()))
        {
            assertEquals(JsonToken.START_ARRAY, parser.nextToken());
            for (int i = 0; i < elements; i++)
            {
                final long value = LONGS[i % LONGS.length];
                assertEquals(JsonToken.START_OBJECT, parser.nextToken(), "element " + i);
                assertEquals(STRINGS[i % STRINGS.length] + i, member(parser, "s").getText());
                assertEquals(value, member(parser, "n").getLongValue());
                assertEquals(0, BigDecimal.valueOf(value, i % 19).compareTo(member(parser, "d").getDecimalValue()), "element " + i);
                assertEquals(Integer.toString(i), member(parser, "id").getText());
                assertEquals(ISO_MILLIS.format(Instant.ofEpochMilli(1_796_229_000_123L + i)), member(parser, "t").getText());
                assertEquals(i % 2 == 0, member(parser, "b").getBooleanValue());
                assertEquals(JsonToken.VALUE_NULL, member(parser, "z").currentToken());
                assertEquals(JsonToken.END_OBJECT, parser.nextToken());
            }
            assertEquals(JsonToken.END_ARRAY, parser.nextToken());
            assertEquals(null, parser.nextToken(), "nothing after the array");
        }
    }

    @Test
    void aFinishedTopLevelValueIsInTheBufferBeforeLengthIsAsked()
    {
        json.wrap(buffer, 0).startObject().name("a").number(1).endObject();
        assertEquals("{\"a\":1}", buffer.getStringWithoutLengthAscii(0, 7));

        json.wrap(buffer, 2).string("paper-", 9);
        assertEquals("\"paper-9\"", buffer.getStringWithoutLengthAscii(2, 9));

        json.wrap(buffer, 0).number(Long.MIN_VALUE);
        assertEquals(Long.toString(Long.MIN_VALUE), buffer.getStringWithoutLengthAscii(0, 20));
    }

    @Test
    void writesANameLongerThanItsStage() throws IOException
    {
        final String name = "n".repeat(5_000);
        json.wrap(buffer, 0).startObject().name(name).string("v").name("short").number(7).endObject();
        try (JsonParser parser = parser(0, json.length()))
        {
            assertEquals(JsonToken.START_OBJECT, parser.nextToken());
            assertEquals("v", member(parser, name).getText());
            assertEquals(7, member(parser, "short").getLongValue());
            assertEquals(JsonToken.END_OBJECT, parser.nextToken());
        }
    }

    @Test
    void wrappingAgainStartsOverAndDropsWhatWasNotFinished()
    {
        json.wrap(buffer, 0).startObject().name("abandoned").string("x");
        json.wrap(buffer, 0).startArray().number(3).endArray();
        assertEquals("[3]", buffer.getStringWithoutLengthAscii(0, json.length()));
    }

    private JsonParser parser(final int offset, final int length) throws IOException
    {
        return new JsonFactory().createParser(buffer.byteArray(), offset, length);
    }

    private static JsonParser member(final JsonParser parser, final String name) throws IOException
    {
        assertEquals(JsonToken.FIELD_NAME, parser.nextToken());
        assertEquals(name, parser.currentName());
        parser.nextToken();
        return parser;
    }
}
