package io.ordergate.engine.snapshot;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * Whether an object is exactly what its class's constructor makes ({@link PristineTemplate}: the no-argument one, or
 * one that only takes a slot number): the preallocated objects of the engine's tables that no command has used yet
 * (an empty engine of the default sizes has some 400,000 of them). Such an object is written as a tag, its class and
 * its number if it has one ({@link GraphWriter#PRISTINE}), not field by field, and read back as the fresh engine's own
 * object at that place when that one is pristine too with the same number, else as a newly constructed one.
 *
 * <p>Conservative: an object counts only when every field equals the template's, where a reference field is null
 * in both, an equal immutable value, structure kept as built, an array of primitives with equal contents, or a buffer
 * over such an array with the same window (such an array or buffer is then not written: {@link #parts} remembers it,
 * so a second reference to it from elsewhere, which would lose the sharing, is refused loudly rather than restored
 * wrong). Anything else (a link to another object of the graph, a collection) makes the object not pristine, and it is
 * written as before. Not thread safe.
 */
final class Pristine
{
    /** The template per class, or {@link #NOT_ELIGIBLE} for a class whose objects are always written in full. */
    private final Map<Class<?>, Object> templates = new HashMap<>();
    private final Map<Object, Boolean> parts = new IdentityHashMap<>();
    private static final Object NOT_ELIGIBLE = new Object();
    private static final Predicate<Object> NOTHING_WRITTEN = object -> false;
    private static final Map<Object, Boolean> NO_PARTS = Map.of();
    /** The classes written as pristine so far, by number: a class's name is written once, then its number. */
    private final Map<Class<?>, Integer> classNumbers = new HashMap<>();
    private final List<Class<?>> classes = new ArrayList<>();

    /**
     * Whether {@code object} (of a {@link GraphShape.Kind#FIELDS} class) equals what its class's constructor makes (but
     * for its slot number), with no array or buffer in it that {@code written} already holds (written elsewhere: the
     * sharing would be lost).
     */
    boolean is(final Object object, final Predicate<Object> written)
    {
        final PristineTemplate template = template(object.getClass());
        return template != null && same(object, template.made, template.numberField, parts, written);
    }

    /** Whether {@code a} and {@code b} hold the same state field by field, but for {@code skip} (for {@link PristineTemplate}). */
    static boolean sameState(final Object a, final Object b, final Field skip)
    {
        return same(a, b, skip, NO_PARTS, NOTHING_WRITTEN);
    }

    /** The number a pristine object of a numbered class was made with (its slot), 0 for others. */
    int number(final Object object)
    {
        return template(object.getClass()).number(object);
    }

    /** Whether objects of {@code type} carry a number (see {@link PristineTemplate}). */
    boolean numbered(final Class<?> type)
    {
        final PristineTemplate template = template(type);
        return template != null && template.numberField != null;
    }

    /** Reader side: a new object of {@code type} as its constructor makes it, with {@code number} if numbered. */
    Object make(final Class<?> type, final int number)
    {
        final PristineTemplate template = template(type);
        if (template == null)
        {
            throw new IllegalStateException("the snapshot has a pristine " + type.getName() + ", which this build cannot make");
        }
        return template.make(number);
    }

    /**
     * Field by field but for {@code skip}; an array or buffer counts only if it is in neither {@code parts} (inside
     * another object written as pristine) nor {@code written}.
     */
    private static boolean same(final Object object, final Object template, final Field skip, final Map<Object, Boolean> parts,
        final Predicate<Object> written)
    {
        try
        {
            for (final Field field : GraphShape.fields(object.getClass()))
            {
                if (!field.equals(skip) && !sameField(field, object, template, parts, written))
                {
                    return false;
                }
            }
            return true;
        }
        catch (final IllegalAccessException ex)
        {
            throw new IllegalStateException("cannot read " + object.getClass().getName(), ex);
        }
    }

    /** Writer side: {@code object} is written as pristine, so its arrays and buffers are not written and must not be met again. */
    void written(final Object object)
    {
        forEachPart(object, part -> parts.put(part, Boolean.TRUE));
    }

    /** The arrays and buffers (and their arrays) {@code object}'s fields hold: a pristine object's only parts. */
    static void forEachPart(final Object object, final java.util.function.Consumer<Object> action)
    {
        try
        {
            for (final Field field : GraphShape.fields(object.getClass()))
            {
                final Object value = field.getType().isPrimitive() ? null : field.get(object);
                if (value != null && value.getClass().isArray())
                {
                    action.accept(value);
                }
                else if (value instanceof UnsafeBuffer)
                {
                    action.accept(value);
                    if (((UnsafeBuffer)value).byteArray() != null)
                    {
                        action.accept(((UnsafeBuffer)value).byteArray());
                    }
                }
            }
        }
        catch (final IllegalAccessException ex)
        {
            throw new IllegalStateException("cannot read " + object.getClass().getName(), ex);
        }
    }

    /** Whether {@code object} is an array or buffer inside an object written as pristine (then it may not be written again). */
    boolean isPart(final Object object)
    {
        return !parts.isEmpty() && parts.containsKey(object);
    }

    /** Writer side: the class of a pristine object, its name the first time, its number after. */
    void writeClass(final DataOutputStream out, final Class<?> type) throws IOException
    {
        final Integer number = classNumbers.get(type);
        if (number != null)
        {
            out.writeShort(number);
            return;
        }
        if (classes.size() == Short.MAX_VALUE)
        {
            throw new IllegalStateException("more pristine classes than a snapshot numbers");
        }
        classNumbers.put(type, classes.size());
        out.writeShort(classes.size());
        classes.add(type);
        out.writeUTF(type.getName());
    }

    /** Reader side: what {@link #writeClass} wrote. */
    Class<?> readClass(final DataInputStream in) throws IOException
    {
        final int number = in.readShort();
        if (number < classes.size())
        {
            return classes.get(number);
        }
        if (number != classes.size())
        {
            throw new IllegalStateException("damaged snapshot: pristine class number " + number + " after " + classes.size());
        }
        final String name = in.readUTF();
        try
        {
            final Class<?> type = Class.forName(name, false, Pristine.class.getClassLoader());
            classes.add(type);
            return type;
        }
        catch (final ClassNotFoundException ex)
        {
            throw new IllegalStateException("the snapshot names " + name + ", which this build does not have", ex);
        }
    }

    private PristineTemplate template(final Class<?> type)
    {
        Object template = templates.get(type);
        if (template == null)
        {
            final PristineTemplate made = PristineTemplate.of(type);
            template = made == null ? NOT_ELIGIBLE : made;
            templates.put(type, template);
        }
        return template == NOT_ELIGIBLE ? null : (PristineTemplate)template;
    }

    private static boolean sameField(final Field field, final Object object, final Object template, final Map<Object, Boolean> parts,
        final Predicate<Object> written) throws IllegalAccessException
    {
        final Class<?> type = field.getType();
        if (type.isPrimitive())
        {
            return samePrimitive(field, object, template);
        }
        final Object value = field.get(object);
        final Object expected = field.get(template);
        if (value == null || expected == null)
        {
            return value == expected;
        }
        if (value.getClass() != expected.getClass())
        {
            return false;
        }
        switch (GraphShape.kind(value.getClass()))
        {
            case VALUE: return value.equals(expected);
            case KEEP: return true;  // as built on both sides: never written anyway
            case ARRAY: return value.getClass().getComponentType().isPrimitive() && unshared(value, parts, written)
                && Objects.deepEquals(value, expected);
            case BUFFER: return sameBuffer((UnsafeBuffer)value, (UnsafeBuffer)expected, parts, written);
            default: return false;
        }
    }

    /** A buffer over a heap array (an executor command's JSON), with the same window and contents as the template's. */
    private static boolean sameBuffer(final UnsafeBuffer value, final UnsafeBuffer expected, final Map<Object, Boolean> parts,
        final Predicate<Object> written)
    {
        return value.byteArray() != null && expected.byteArray() != null && unshared(value, parts, written)
            && unshared(value.byteArray(), parts, written)
            && value.wrapAdjustment() == expected.wrapAdjustment() && value.capacity() == expected.capacity()
            && java.util.Arrays.equals(value.byteArray(), expected.byteArray());
    }

    private static boolean unshared(final Object part, final Map<Object, Boolean> parts, final Predicate<Object> written)
    {
        return !parts.containsKey(part) && !written.test(part);
    }

    private static boolean samePrimitive(final Field field, final Object object, final Object template) throws IllegalAccessException
    {
        final Class<?> type = field.getType();
        if (type == long.class)
        {
            return field.getLong(object) == field.getLong(template);
        }
        if (type == int.class)
        {
            return field.getInt(object) == field.getInt(template);
        }
        if (type == boolean.class)
        {
            return field.getBoolean(object) == field.getBoolean(template);
        }
        if (type == double.class)
        {
            return Double.doubleToRawLongBits(field.getDouble(object)) == Double.doubleToRawLongBits(field.getDouble(template));
        }
        if (type == float.class)
        {
            return Float.floatToRawIntBits(field.getFloat(object)) == Float.floatToRawIntBits(field.getFloat(template));
        }
        return field.get(object).equals(field.get(template));  // byte, short, char: boxed, rare
    }
}
