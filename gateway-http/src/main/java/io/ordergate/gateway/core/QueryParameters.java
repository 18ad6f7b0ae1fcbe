package io.ordergate.gateway.core;

import java.util.ArrayList;
import java.util.List;

import io.ordergate.gateway.json.BadRequest;

/**
 * The query string of the request being handled, strictly decoded ({@link PercentDecoding}) the first time a
 * handler asks. Off the order path: allocates a string per name and value. <b>Not thread safe</b>: one per connection.
 */
public final class QueryParameters
{
    private final List<String> names = new ArrayList<>();
    private final List<String> values = new ArrayList<>();
    private String uri;
    private int queryStart;
    private boolean decoded;

    void reset(final String uri, final int pathEnd)
    {
        this.uri = uri;
        this.queryStart = pathEnd;
        this.decoded = false;
        names.clear();
        values.clear();
    }

    /** How many name=value pairs (a name given twice counts twice). */
    public int size() throws BadRequest
    {
        decode();
        return names.size();
    }

    public String name(final int index) throws BadRequest
    {
        decode();
        return names.get(index);
    }

    public String value(final int index) throws BadRequest
    {
        decode();
        return values.get(index);
    }

    /** The first value of {@code name}, or null. */
    public String get(final String name) throws BadRequest
    {
        decode();
        final int index = names.indexOf(name);
        return index < 0 ? null : values.get(index);
    }

    /**
     * {@code name} as a whole number from {@code min} to {@code max}, or {@code absent} when it is not given; anything
     * else is 400 {@code VALIDATION_ERROR} on {@code name}.
     */
    public int wholeNumber(final String name, final int absent, final int min, final int max) throws BadRequest
    {
        final String text = get(name);
        if (text == null)
        {
            return absent;
        }
        try
        {
            final int value = Integer.parseInt(text);
            if (value >= min && value <= max)
            {
                return value;
            }
        }
        catch (final NumberFormatException ex)
        {
            // answered below
        }
        throw BadRequest.validation(name, name + " must be a whole number from " + min + " to " + max);
    }

    /** How many times {@code name} is given. */
    public int count(final String name) throws BadRequest
    {
        decode();
        int count = 0;
        for (final String each : names)
        {
            count += each.equals(name) ? 1 : 0;
        }
        return count;
    }

    private void decode() throws BadRequest
    {
        if (decoded)
        {
            return;
        }
        decoded = true;
        int start = queryStart + 1;
        while (start < uri.length())
        {
            int end = uri.indexOf('&', start);
            if (end < 0)
            {
                end = uri.length();
            }
            if (end > start)
            {
                final int equals = uri.indexOf('=', start);
                final int nameEnd = equals < 0 || equals > end ? end : equals;
                names.add(PercentDecoding.decode(uri, start, nameEnd, true));
                values.add(nameEnd == end ? "" : PercentDecoding.decode(uri, nameEnd + 1, end, true));
            }
            start = end + 1;
        }
    }
}
