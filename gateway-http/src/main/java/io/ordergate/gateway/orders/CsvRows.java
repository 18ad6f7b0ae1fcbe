package io.ordergate.gateway.orders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.ordergate.gateway.json.RequestReader;

/**
 * A list's JSON objects written as CSV with fixed columns (RFC 4180: a header line, CRLF, a field quoted when it holds a
 * comma, a quote or a line break; a missing, null or nested field is empty). Immutable; thread safe.
 */
record CsvRows(String[] columns)
{
    /** The CSV of the objects of a JSON array's contents ({@code {...},{...}}, as a sliced list gathers them). */
    byte[] render(final byte[] items, final int length)
    {
        final StringBuilder out = new StringBuilder(256 + length).append(String.join(",", columns)).append("\r\n");
        final List<String> names = List.of(columns);
        final String[] row = new String[columns.length];
        final byte[] array = new byte[length + 2];  // the items as one JSON array: a parser reads one root value
        array[0] = '[';
        System.arraycopy(items, 0, array, 1, length);
        array[length + 1] = ']';
        try (JsonParser parser = RequestReader.FACTORY.createParser(array))
        {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.START_OBJECT)
            {
                Arrays.fill(row, "");
                while (parser.nextToken() == JsonToken.FIELD_NAME)
                {
                    final int column = names.indexOf(parser.currentName());
                    final JsonToken value = parser.nextToken();
                    if (value.isStructStart())
                    {
                        parser.skipChildren();
                    }
                    else if (column >= 0 && value != JsonToken.VALUE_NULL)
                    {
                        row[column] = field(parser.getText());
                    }
                }
                out.append(String.join(",", row)).append("\r\n");
            }
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("the engine's list is not JSON", ex);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String field(final String text)
    {
        return text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0
            ? text : '"' + text.replace("\"", "\"\"") + '"';
    }
}
