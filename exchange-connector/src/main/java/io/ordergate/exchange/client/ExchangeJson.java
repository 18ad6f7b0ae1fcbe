package io.ordergate.exchange.client;

import java.io.IOException;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The connector's one JSON reader and writer (jackson-databind trees, exact decimals, duplicate keys refused). Safe from any thread. */
public final class ExchangeJson
{
    private static final JsonMapper MAPPER = JsonMapper.builder()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();

    private ExchangeJson()
    {
    }

    public static JsonNode read(final String text) throws IOException
    {
        return MAPPER.readTree(text);
    }

    /** A JSON text of plain values (a request body). */
    public static String write(final Object value)
    {
        try
        {
            return MAPPER.writeValueAsString(value);
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("not writable as JSON: " + value.getClass(), ex);
        }
    }
}
