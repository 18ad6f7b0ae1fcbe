package io.ordergate.gateway.http;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collections;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.DefaultHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;

/**
 * A decoded request's headers as two flat arrays searched in order, names compared ignoring case. Netty's {@code
 * DefaultHttpHeaders} builds a 16-bucket table, a head entry and a linked entry per header for every request, the
 * largest share of what decoding an order allocated (docs/PERFORMANCE.md, "Bytes allocated per order"); a request
 * carries six or so headers and the routes read two or three, so a scan of two arrays is all a lookup needs. Names
 * and values pass the same validators as in Netty's default maps, so what the decoder refuses is unchanged.
 * <b>Not thread safe</b>: one per request, on its event loop.
 */
final class FlatRequestHeaders extends HttpHeaders
{
    private static final CharSequence[] NONE = {};
    private static final int GROWN_CAPACITY = 4;

    private final DefaultHeaders.NameValidator<CharSequence> nameValidator;
    private final DefaultHeaders.ValueValidator<CharSequence> valueValidator;
    private CharSequence[] names;
    private CharSequence[] values;
    private int size;

    FlatRequestHeaders(final DefaultHeaders.NameValidator<CharSequence> nameValidator,
        final DefaultHeaders.ValueValidator<CharSequence> valueValidator, final int capacity)
    {
        this.nameValidator = nameValidator;
        this.valueValidator = valueValidator;
        names = capacity == 0 ? NONE : new CharSequence[capacity];
        values = capacity == 0 ? NONE : new CharSequence[capacity];
    }

    @Override
    public String get(final String name)
    {
        return get((CharSequence)name);
    }

    @Override
    public String get(final CharSequence name)
    {
        final int index = indexOf(name, 0);
        return index < 0 ? null : values[index].toString();
    }

    @Override
    public Integer getInt(final CharSequence name)
    {
        final Long number = number(name, Integer.MIN_VALUE, Integer.MAX_VALUE);
        return number == null ? null : number.intValue();
    }

    @Override
    public int getInt(final CharSequence name, final int defaultValue)
    {
        final Integer value = getInt(name);
        return value == null ? defaultValue : value;
    }

    @Override
    public Short getShort(final CharSequence name)
    {
        final Long number = number(name, Short.MIN_VALUE, Short.MAX_VALUE);
        return number == null ? null : number.shortValue();
    }

    @Override
    public short getShort(final CharSequence name, final short defaultValue)
    {
        final Short value = getShort(name);
        return value == null ? defaultValue : value;
    }

    @Override
    public Long getTimeMillis(final CharSequence name)
    {
        final String value = get(name);
        final Date date = value == null ? null : DateFormatter.parseHttpDate(value);
        return date == null ? null : date.getTime();
    }

    @Override
    public long getTimeMillis(final CharSequence name, final long defaultValue)
    {
        final Long value = getTimeMillis(name);
        return value == null ? defaultValue : value;
    }

    @Override
    public List<String> getAll(final String name)
    {
        return getAll((CharSequence)name);
    }

    @Override
    public List<String> getAll(final CharSequence name)
    {
        int index = indexOf(name, 0);
        if (index < 0)
        {
            return Collections.emptyList();
        }
        final int next = indexOf(name, index + 1);
        if (next < 0)
        {
            // The usual case (Netty's decoder asks for every request's Content-Length): one value, one small list.
            return Collections.singletonList(values[index].toString());
        }
        final List<String> all = new ArrayList<>(2);
        while (index >= 0)
        {
            all.add(values[index].toString());
            index = indexOf(name, index + 1);
        }
        return all;
    }

    @Override
    public List<Map.Entry<String, String>> entries()
    {
        final List<Map.Entry<String, String>> entries = new ArrayList<>(size);
        for (int i = 0; i < size; i++)
        {
            entries.add(new AbstractMap.SimpleImmutableEntry<>(names[i].toString(), values[i].toString()));
        }
        return entries;
    }

    @Override
    public boolean contains(final String name)
    {
        return indexOf(name, 0) >= 0;
    }

    @Override
    public boolean contains(final CharSequence name)
    {
        return indexOf(name, 0) >= 0;
    }

    /** Absent first, without the value list the inherited check builds (the decoder asks about Transfer-Encoding per request). */
    @Override
    public boolean containsValue(final CharSequence name, final CharSequence value, final boolean ignoreCase)
    {
        return indexOf(name, 0) >= 0 && super.containsValue(name, value, ignoreCase);
    }

    /** Deprecated in Netty in favour of {@link #iteratorCharSequence()}, but still what {@code for (entry : headers)} calls. */
    @Deprecated
    @Override
    public Iterator<Map.Entry<String, String>> iterator()
    {
        return entries().iterator();
    }

    @Override
    public Iterator<Map.Entry<CharSequence, CharSequence>> iteratorCharSequence()
    {
        final List<Map.Entry<CharSequence, CharSequence>> entries = new ArrayList<>(size);
        for (int i = 0; i < size; i++)
        {
            entries.add(new AbstractMap.SimpleImmutableEntry<>(names[i], values[i]));
        }
        return entries.iterator();
    }

    @Override
    public boolean isEmpty()
    {
        return size == 0;
    }

    @Override
    public int size()
    {
        return size;
    }

    @Override
    public Set<String> names()
    {
        final Set<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < size; i++)
        {
            if (indexOf(names[i], 0) == i)  // the first of its name, in the case it was first sent
            {
                distinct.add(names[i].toString());
            }
        }
        return distinct;
    }

    @Override
    public HttpHeaders add(final String name, final Object value)
    {
        return add((CharSequence)name, value);
    }

    @Override
    public HttpHeaders add(final CharSequence name, final Object value)
    {
        nameValidator.validateName(name);
        final CharSequence text = text(value);
        valueValidator.validate(text);
        if (size == names.length)
        {
            names = Arrays.copyOf(names, Math.max(GROWN_CAPACITY, size * 2));
            values = Arrays.copyOf(values, Math.max(GROWN_CAPACITY, size * 2));
        }
        names[size] = name;
        values[size] = text;
        size++;
        return this;
    }

    @Override
    public HttpHeaders add(final String name, final Iterable<?> values)
    {
        for (final Object value : values)
        {
            add(name, value);
        }
        return this;
    }

    @Override
    public HttpHeaders addInt(final CharSequence name, final int value)
    {
        return add(name, Integer.toString(value));
    }

    @Override
    public HttpHeaders addShort(final CharSequence name, final short value)
    {
        return add(name, Short.toString(value));
    }

    @Override
    public HttpHeaders set(final String name, final Object value)
    {
        return set((CharSequence)name, value);
    }

    @Override
    public HttpHeaders set(final CharSequence name, final Object value)
    {
        remove(name);
        return add(name, value);
    }

    @Override
    public HttpHeaders set(final String name, final Iterable<?> values)
    {
        remove(name);
        return add(name, values);
    }

    @Override
    public HttpHeaders setInt(final CharSequence name, final int value)
    {
        return set(name, Integer.toString(value));
    }

    @Override
    public HttpHeaders setShort(final CharSequence name, final short value)
    {
        return set(name, Short.toString(value));
    }

    @Override
    public HttpHeaders remove(final String name)
    {
        return remove((CharSequence)name);
    }

    @Override
    public HttpHeaders remove(final CharSequence name)
    {
        int kept = 0;
        for (int i = 0; i < size; i++)
        {
            if (!sameName(names[i], name))
            {
                names[kept] = names[i];
                values[kept] = values[i];
                kept++;
            }
        }
        Arrays.fill(names, kept, size, null);
        Arrays.fill(values, kept, size, null);
        size = kept;
        return this;
    }

    @Override
    public HttpHeaders clear()
    {
        Arrays.fill(names, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
        return this;
    }

    @Override
    public HttpHeaders copy()
    {
        final FlatRequestHeaders copy = new FlatRequestHeaders(nameValidator, valueValidator, size);
        System.arraycopy(names, 0, copy.names, 0, size);
        System.arraycopy(values, 0, copy.values, 0, size);
        copy.size = size;
        return copy;
    }

    /** The first value as a whole number in the range, or null when absent or not one (as Netty's maps answer). */
    private Long number(final CharSequence name, final long min, final long max)
    {
        final String value = get(name);
        try
        {
            final long number = value == null ? 0 : Long.parseLong(value);
            return value == null || number < min || number > max ? null : number;
        }
        catch (final NumberFormatException ex)
        {
            return null;
        }
    }

    private int indexOf(final CharSequence name, final int from)
    {
        for (int i = from; i < size; i++)
        {
            if (sameName(names[i], name))
            {
                return i;
            }
        }
        return -1;
    }

    private static boolean sameName(final CharSequence stored, final CharSequence wanted)
    {
        return stored == wanted || AsciiString.contentEqualsIgnoreCase(stored, wanted);
    }

    /** The text a value is sent as, converted as Netty's default headers convert it (dates in the HTTP date format). */
    private static CharSequence text(final Object value)
    {
        if (value == null)
        {
            throw new NullPointerException("value");
        }
        if (value instanceof CharSequence)
        {
            return (CharSequence)value;
        }
        if (value instanceof Date)
        {
            return DateFormatter.format((Date)value);
        }
        if (value instanceof Calendar)
        {
            return DateFormatter.format(((Calendar)value).getTime());
        }
        return value.toString();
    }
}
