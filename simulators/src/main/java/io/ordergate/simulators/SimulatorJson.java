package io.ordergate.simulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The simulators' one JSON mapper (jackson-databind): text to plain maps and lists with exact decimals
 * ({@link BigDecimal}, never a double), duplicate keys refused, and back with decimals written plain ({@code 0.00001},
 * not {@code 1E-5}). The simulators are client programs and test peers, not the hot path, so they read whole trees.
 * Immutable once built: safe from any thread.
 */
public final class SimulatorJson
{
    private static final JsonMapper MAPPER = JsonMapper.builder()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>()
    {
    };

    private SimulatorJson()
    {
    }

    /** Any JSON value: a map, a list, a string, a BigDecimal or Integer/Long, a Boolean, or null. */
    public static Object parse(final String text) throws IOException
    {
        return MAPPER.readValue(text, Object.class);
    }

    /** A JSON object, or an IOException naming why the text is not one. */
    public static Map<String, Object> parseObject(final String text) throws IOException
    {
        return MAPPER.readValue(text, OBJECT);
    }

    /** Maps, lists, strings, numbers, booleans and null as JSON text; anything else as its string. */
    public static String write(final Object value)
    {
        try
        {
            return MAPPER.writeValueAsString(value);
        }
        catch (final JsonProcessingException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** A JSON number or a non-empty numeric string as an exact decimal; null for anything else. */
    public static BigDecimal decimal(final Object value)
    {
        if (value instanceof BigDecimal)
        {
            return (BigDecimal)value;
        }
        if (value instanceof Number)
        {
            return new BigDecimal(value.toString());
        }
        if (value instanceof String && !((String)value).isEmpty())
        {
            return new BigDecimal((String)value);
        }
        return null;
    }

    /** The mapper, for a simulator that reads a tree itself. */
    public static JsonMapper mapper()
    {
        return MAPPER;
    }
}
