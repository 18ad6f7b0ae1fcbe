package io.ordergate.engine.snapshot;

import java.io.DataInputStream;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads what {@link GraphWriter} wrote into a freshly built engine, in place: walking the fresh engine's fields in the
 * same order, an object first met at a place is the object the fresh engine has there (same class, not yet taken),
 * or a new one; so the tables the constructor preallocated are filled, not replaced. Maps and collections are
 * refilled last, when every object in them is complete.
 */
final class GraphReader implements GraphShape.ContentsWalk
{
    private final DataInputStream in;
    private final List<Object> objects = new ArrayList<>();
    private final IdentityHashMap<Object, Boolean> taken = new IdentityHashMap<>();
    private final ArrayDeque<Object> pending = new ArrayDeque<>();
    private final List<Runnable> refills = new ArrayList<>();
    private final java.util.Set<Class<?>> described = new java.util.HashSet<>();
    private final Pristine pristine = new Pristine();

    GraphReader(final DataInputStream in)
    {
        this.in = in;
    }

    void known(final Object object)
    {
        objects.add(object);
        taken.put(object, Boolean.TRUE);
    }

    /** One section: checks its name, then reads its root where {@code current} is and every object first reached from it. */
    Object section(final String name, final Object current) throws IOException
    {
        final String written = in.readUTF();
        if (!written.equals(name))
        {
            throw new IllegalStateException("the snapshot has section " + written + " where this build has " + name +
                ": it was written by another build of the engine");
        }
        final Object root = reference(current);
        while (!pending.isEmpty())
        {
            GraphShape.walkContents(pending.poll(), this);
        }
        return root;
    }

    /** Puts the maps' and collections' entries back, once every object is complete. */
    void finish()
    {
        refills.forEach(Runnable::run);
    }

    Object reference(final Object current) throws IOException
    {
        final byte tag = in.readByte();
        switch (tag)
        {
            case GraphWriter.NULL: return null;
            case GraphWriter.VALUE: return value();
            case GraphWriter.KEEP: return current;
            case GraphWriter.REF: return objects.get(in.readInt());
            case GraphWriter.NEW: return bind(current);
            case GraphWriter.PRISTINE: return pristine(current, false);
            case GraphWriter.PRISTINE_NUMBERED: return pristine(current, true);
            default: throw new IllegalStateException("damaged snapshot: tag " + tag);
        }
    }

    private Object bind(final Object current) throws IOException
    {
        final Class<?> type = type(in.readUTF());
        final int length = type.isArray() ? in.readInt() : -1;
        if (!type.isArray() && GraphShape.kind(type) == GraphShape.Kind.FIELDS && described.add(type))
        {
            final String signature = in.readUTF();
            if (!signature.equals(GraphShape.signature(type)))
            {
                throw new IllegalStateException("the snapshot's " + type.getName() + " has other fields than this build's: " + signature);
            }
        }
        final boolean reuse = current != null && current.getClass() == type && !taken.containsKey(current) &&
            (length < 0 || Array.getLength(current) == length);
        final Object target = reuse ? current : create(type, length);
        objects.add(target);
        taken.put(target, Boolean.TRUE);
        pending.add(target);
        return target;
    }

    /**
     * An object written as its class's constructor makes it (with its slot number if numbered): the fresh engine's own
     * at this place when that one is so too with the same number (and nothing took it or its parts), else a newly made
     * one. Its arrays and buffers are taken with it, so no later place binds them.
     */
    private Object pristine(final Object current, final boolean numbered) throws IOException
    {
        final Class<?> type = pristine.readClass(in);
        final int number = numbered ? in.readInt() : 0;
        final boolean reuse = current != null && current.getClass() == type && !taken.containsKey(current) &&
            pristine.is(current, taken::containsKey) && pristine.number(current) == number;
        final Object target = reuse ? current : pristine.make(type, number);
        objects.add(target);
        taken.put(target, Boolean.TRUE);
        Pristine.forEachPart(target, part -> taken.put(part, Boolean.TRUE));
        return target;
    }

    private static Object create(final Class<?> type, final int length)
    {
        if (type.isArray())
        {
            return Array.newInstance(type.getComponentType(), length);
        }
        try
        {
            switch (GraphShape.kind(type))
            {
                case CONTAINER: return type.getDeclaredConstructor().newInstance();
                case ATOMIC: return type.getDeclaredConstructor().newInstance();
                case BUFFER: return new org.agrona.concurrent.UnsafeBuffer(new byte[0]);
                default: return org.agrona.UnsafeApi.allocateInstance(type);  // as a deserialiser does: fields follow
            }
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new IllegalStateException("cannot make a " + type.getName() + " to restore", ex);
        }
    }

    @Override
    public void buffer(final org.agrona.concurrent.UnsafeBuffer buffer) throws IOException
    {
        final Object array = reference(buffer.byteArray());
        if (array != null)
        {
            final int adjustment = in.readInt();
            buffer.wrap((byte[])array, adjustment, in.readInt());
        }
    }

    @Override
    public void field(final Field field, final Object object) throws IOException
    {
        final Class<?> type = field.getType();
        try
        {
            if (!type.isPrimitive())
            {
                final Object current = field.get(object);
                final Object value = reference(current);
                if (value != current)
                {
                    field.set(object, value);
                }
            }
            else if (type == long.class)
            {
                field.setLong(object, in.readLong());
            }
            else if (type == int.class)
            {
                field.setInt(object, in.readInt());
            }
            else if (type == boolean.class)
            {
                field.setBoolean(object, in.readBoolean());
            }
            else if (type == byte.class)
            {
                field.setByte(object, in.readByte());
            }
            else if (type == short.class)
            {
                field.setShort(object, in.readShort());
            }
            else if (type == char.class)
            {
                field.setChar(object, in.readChar());
            }
            else if (type == double.class)
            {
                field.setDouble(object, in.readDouble());
            }
            else
            {
                field.setFloat(object, in.readFloat());
            }
        }
        catch (final IllegalAccessException ex)
        {
            throw new IllegalStateException("cannot restore " + field, ex);
        }
    }

    @Override
    public void array(final Object array, final Class<?> component) throws IOException
    {
        final int length = Array.getLength(array);
        if (component == byte.class)
        {
            in.readFully((byte[])array);
        }
        else if (component == long.class)
        {
            final long[] values = (long[])array;
            for (int i = 0; i < length; i++)
            {
                values[i] = in.readLong();
            }
        }
        else if (component == int.class)
        {
            final int[] values = (int[])array;
            for (int i = 0; i < length; i++)
            {
                values[i] = in.readInt();
            }
        }
        else if (component.isPrimitive())
        {
            for (int i = 0; i < length; i++)
            {
                Array.set(array, i, value());
            }
        }
        else
        {
            final Object[] elements = (Object[])array;
            for (int i = 0; i < length; i++)
            {
                elements[i] = reference(elements[i]);
            }
        }
    }

    @SuppressWarnings("unchecked")
    @Override
    public void container(final Object container) throws IOException
    {
        final int size = in.readInt();
        final List<Object> entries = new ArrayList<>();
        final int count = container instanceof Map ? 2 * size : size;
        for (int i = 0; i < count; i++)
        {
            entries.add(reference(null));
        }
        refills.add(() ->
        {
            if (container instanceof Map)
            {
                final Map<Object, Object> map = (Map<Object, Object>)container;
                map.clear();
                for (int i = 0; i < entries.size(); i += 2)
                {
                    map.put(entries.get(i), entries.get(i + 1));
                }
            }
            else
            {
                final Collection<Object> collection = (Collection<Object>)container;
                collection.clear();
                collection.addAll(entries);
            }
        });
    }

    @Override
    public void atomic(final Object atomic) throws IOException
    {
        if (atomic instanceof java.util.concurrent.atomic.AtomicLongArray)
        {
            final java.util.concurrent.atomic.AtomicLongArray array = (java.util.concurrent.atomic.AtomicLongArray)atomic;
            if (in.readInt() != array.length())
            {
                throw new IllegalStateException("the snapshot's table has another size than this build's (its configuration changed)");
            }
            for (int i = 0; i < array.length(); i++)
            {
                array.set(i, in.readLong());
            }
            return;
        }
        final long value = in.readLong();
        if (atomic instanceof AtomicLong)
        {
            ((AtomicLong)atomic).set(value);
        }
        else if (atomic instanceof AtomicInteger)
        {
            ((AtomicInteger)atomic).set((int)value);
        }
        else
        {
            ((AtomicBoolean)atomic).set(value != 0);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object value() throws IOException
    {
        final byte kind = in.readByte();
        switch (kind)
        {
            case GraphWriter.STRING:
                final byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                return new String(bytes, StandardCharsets.UTF_8);
            case GraphWriter.LONG: return in.readLong();
            case GraphWriter.INT: return in.readInt();
            case GraphWriter.SHORT: return in.readShort();
            case GraphWriter.BYTE: return in.readByte();
            case GraphWriter.CHAR: return in.readChar();
            case GraphWriter.BOOLEAN: return in.readBoolean();
            case GraphWriter.DOUBLE: return in.readDouble();
            case GraphWriter.FLOAT: return in.readFloat();
            case GraphWriter.ENUM: return Enum.valueOf((Class)type(in.readUTF()), in.readUTF());
            case GraphWriter.DECIMAL: return new BigDecimal(in.readUTF());
            case GraphWriter.BIG_INTEGER: return new BigInteger(in.readUTF());
            case GraphWriter.RECORD: return record(type(in.readUTF()));
            case GraphWriter.URI_TEXT: return java.net.URI.create(in.readUTF());
            default: throw new IllegalStateException("damaged snapshot: value kind " + kind);
        }
    }

    private Object record(final Class<?> type) throws IOException
    {
        final RecordComponent[] components = type.getRecordComponents();
        final Class<?>[] types = new Class<?>[components.length];
        final Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++)
        {
            types[i] = components[i].getType();
            values[i] = types[i].isPrimitive() ? value() : reference(null);
        }
        try
        {
            final Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new IllegalStateException("cannot restore the record " + type.getName(), ex);
        }
    }

    private static Class<?> type(final String name)
    {
        try
        {
            return Class.forName(name, false, GraphReader.class.getClassLoader());
        }
        catch (final ClassNotFoundException ex)
        {
            throw new IllegalStateException("the snapshot names " + name + ", which this build does not have", ex);
        }
    }
}
