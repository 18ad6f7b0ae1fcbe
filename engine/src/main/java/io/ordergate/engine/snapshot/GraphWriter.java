package io.ordergate.engine.snapshot;

import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Writes the engine's object graph, breadth first from each section's root: every object once, by identity, its
 * fields in {@link GraphShape}'s order; a second reference to an object is its number. {@link GraphReader} walks
 * the fresh engine the same way and fills it in place.
 */
final class GraphWriter implements GraphShape.ContentsWalk
{
    static final byte NULL = 0;
    static final byte VALUE = 1;
    static final byte KEEP = 2;
    static final byte REF = 3;
    static final byte NEW = 4;
    /** An object as its class's constructor makes it ({@link Pristine}): the tag and the class only. */
    static final byte PRISTINE = 5;
    /** The same for a class whose constructor takes a slot number: the tag, the class and the number. */
    static final byte PRISTINE_NUMBERED = 6;

    static final byte STRING = 1;
    static final byte LONG = 2;
    static final byte INT = 3;
    static final byte SHORT = 4;
    static final byte BYTE = 5;
    static final byte CHAR = 6;
    static final byte BOOLEAN = 7;
    static final byte DOUBLE = 8;
    static final byte FLOAT = 9;
    static final byte ENUM = 10;
    static final byte DECIMAL = 11;
    static final byte BIG_INTEGER = 12;
    static final byte RECORD = 13;
    static final byte URI_TEXT = 14;

    private final DataOutputStream out;
    private final IdentityHashMap<Object, Integer> ids;
    private final ArrayDeque<Object> pending = new ArrayDeque<>();
    private final Set<Class<?>> described = new HashSet<>();
    private final Set<String> kept = new TreeSet<>();
    private final Pristine pristine = new Pristine();
    private final boolean pristineAllowed;

    /**
     * @param pristineAllowed false: every object in full, as format 1 of {@link EngineSnapshot} wrote
     * @param expectedObjects how many objects the graph likely has (the last snapshot's count): growing the identity
     *                        table from small to the engine's ~800,000 objects took a fifth of the time
     */
    GraphWriter(final DataOutputStream out, final boolean pristineAllowed, final int expectedObjects)
    {
        this.out = out;
        this.pristineAllowed = pristineAllowed;
        this.ids = new IdentityHashMap<>(expectedObjects);
    }

    /** An object both sides already have (the engine itself): later references to it are by number. */
    void known(final Object object)
    {
        ids.put(object, ids.size());
    }

    /** One section: its name, its root, then every object first reached from it. */
    void section(final String name, final Object root) throws IOException
    {
        out.writeUTF(name);
        reference(root);
        while (!pending.isEmpty())
        {
            GraphShape.walkContents(pending.poll(), this);
        }
    }

    /** The classes written as "kept as built" (for the coverage test: none of them may hold state). */
    Set<String> kept()
    {
        return kept;
    }

    int objects()
    {
        return ids.size();
    }

    void reference(final Object value) throws IOException
    {
        if (value == null)
        {
            out.writeByte(NULL);
            return;
        }
        final Class<?> type = value.getClass();
        final GraphShape.Kind kind = GraphShape.kind(type);
        if (kind == GraphShape.Kind.VALUE)
        {
            out.writeByte(VALUE);
            value(value);
            return;
        }
        if (kind == GraphShape.Kind.KEEP)
        {
            out.writeByte(KEEP);
            kept.add(type.isHidden() || type.isSynthetic() ? "lambda" : type.getName());
            return;
        }
        final Integer id = ids.get(value);
        if (id != null)
        {
            out.writeByte(REF);
            out.writeInt(id);
            return;
        }
        if ((type.isArray() || kind == GraphShape.Kind.BUFFER) && pristine.isPart(value))
        {
            throw new IllegalStateException("an array or buffer inside a pristine object is referenced from elsewhere too (" + type.getName() +
                "): a snapshot would not keep that sharing");
        }
        ids.put(value, ids.size());
        if (pristineAllowed && kind == GraphShape.Kind.FIELDS && pristine.is(value, ids::containsKey))
        {
            final boolean numbered = pristine.numbered(type);
            out.writeByte(numbered ? PRISTINE_NUMBERED : PRISTINE);
            pristine.writeClass(out, type);
            if (numbered)
            {
                out.writeInt(pristine.number(value));
            }
            pristine.written(value);
            return;
        }
        out.writeByte(NEW);
        out.writeUTF(kind == GraphShape.Kind.CONTAINER ? GraphShape.restorable(type).getName() : type.getName());
        if (type.isArray())
        {
            out.writeInt(Array.getLength(value));
        }
        else if (kind == GraphShape.Kind.FIELDS && described.add(type))
        {
            out.writeUTF(GraphShape.signature(type));
        }
        pending.add(value);
    }

    /** A buffer over a byte array (an executor's metadata, a command's JSON): the array, then the window on it. */
    @Override
    public void buffer(final org.agrona.concurrent.UnsafeBuffer buffer) throws IOException
    {
        reference(buffer.byteArray());  // null for direct memory: scratch, kept as built
        if (buffer.byteArray() != null)
        {
            out.writeInt(buffer.wrapAdjustment());
            out.writeInt(buffer.capacity());
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
                reference(field.get(object));
            }
            else if (type == long.class)
            {
                out.writeLong(field.getLong(object));
            }
            else if (type == int.class)
            {
                out.writeInt(field.getInt(object));
            }
            else if (type == boolean.class)
            {
                out.writeBoolean(field.getBoolean(object));
            }
            else if (type == byte.class)
            {
                out.writeByte(field.getByte(object));
            }
            else if (type == short.class)
            {
                out.writeShort(field.getShort(object));
            }
            else if (type == char.class)
            {
                out.writeChar(field.getChar(object));
            }
            else if (type == double.class)
            {
                out.writeDouble(field.getDouble(object));
            }
            else
            {
                out.writeFloat(field.getFloat(object));
            }
        }
        catch (final IllegalAccessException ex)
        {
            throw new IllegalStateException("cannot read " + field, ex);
        }
    }

    @Override
    public void array(final Object array, final Class<?> component) throws IOException
    {
        final int length = Array.getLength(array);
        if (component == byte.class)
        {
            out.write((byte[])array);
        }
        else if (component == long.class)
        {
            for (final long value : (long[])array)
            {
                out.writeLong(value);
            }
        }
        else if (component == int.class)
        {
            for (final int value : (int[])array)
            {
                out.writeInt(value);
            }
        }
        else if (component.isPrimitive())
        {
            for (int i = 0; i < length; i++)
            {
                value(Array.get(array, i));
            }
        }
        else
        {
            for (final Object element : (Object[])array)
            {
                reference(element);
            }
        }
    }

    @Override
    public void container(final Object container) throws IOException
    {
        if (container instanceof Map)
        {
            final Map<?, ?> map = (Map<?, ?>)container;
            out.writeInt(map.size());
            for (final Map.Entry<?, ?> entry : map.entrySet())
            {
                reference(entry.getKey());
                reference(entry.getValue());
            }
            return;
        }
        final Collection<?> collection = (Collection<?>)container;
        out.writeInt(collection.size());
        for (final Object element : collection)
        {
            reference(element);
        }
    }

    @Override
    public void atomic(final Object atomic) throws IOException
    {
        if (atomic instanceof AtomicLongArray)
        {
            final AtomicLongArray array = (AtomicLongArray)atomic;
            out.writeInt(array.length());
            for (int i = 0; i < array.length(); i++)
            {
                out.writeLong(array.get(i));
            }
            return;
        }
        out.writeLong(atomic instanceof AtomicLong ? ((AtomicLong)atomic).get() : atomic instanceof AtomicInteger ?
            ((AtomicInteger)atomic).get() : ((AtomicBoolean)atomic).get() ? 1 : 0);
    }

    private void value(final Object value) throws IOException
    {
        if (value instanceof String)
        {
            out.writeByte(STRING);
            final byte[] bytes = ((String)value).getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
        else if (value instanceof Long)
        {
            out.writeByte(LONG);
            out.writeLong((Long)value);
        }
        else if (value instanceof Integer)
        {
            out.writeByte(INT);
            out.writeInt((Integer)value);
        }
        else if (value instanceof Enum)
        {
            out.writeByte(ENUM);
            out.writeUTF(((Enum<?>)value).getDeclaringClass().getName());
            out.writeUTF(((Enum<?>)value).name());
        }
        else if (value instanceof Boolean)
        {
            out.writeByte(BOOLEAN);
            out.writeBoolean((Boolean)value);
        }
        else if (value instanceof URI)
        {
            out.writeByte(URI_TEXT);
            out.writeUTF(value.toString());
        }
        else if (value.getClass().isRecord())
        {
            record(value);
        }
        else
        {
            NumberValues.write(out, value);
        }
    }

    private void record(final Object value) throws IOException
    {
        out.writeByte(RECORD);
        out.writeUTF(value.getClass().getName());
        for (final RecordComponent component : value.getClass().getRecordComponents())
        {
            try
            {
                final java.lang.reflect.Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                final Object part = accessor.invoke(value);
                if (component.getType().isPrimitive())
                {
                    value(part);
                }
                else
                {
                    reference(part);
                }
            }
            catch (final ReflectiveOperationException ex)
            {
                throw new IllegalStateException("cannot read " + component, ex);
            }
        }
    }
}
