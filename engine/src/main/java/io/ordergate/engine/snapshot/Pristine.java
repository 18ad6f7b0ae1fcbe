package io.ordergate.engine.snapshot;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Whether an object is exactly what its class's no-argument constructor makes: the preallocated objects of the
 * engine's tables that no command has used yet (an empty engine of the default sizes has some 300,000 of them).
 * Such an object is written as one tag and its class ({@link GraphWriter#PRISTINE}), not field by field, and read
 * back as the fresh engine's own object at that place when that one is pristine too, else as a newly constructed one.
 *
 * <p>Conservative: an object counts only when every field equals the template's, where a reference field is null
 * in both, an equal immutable value, structure kept as built, or an array of primitives with equal contents (such
 * an array is then not written: {@link #parts} remembers it, so a second reference to it from elsewhere, which would
 * lose the sharing, is refused loudly rather than restored wrong). Anything else (a link to another object of the
 * graph, a collection) makes the object not pristine, and it is written as before. Not thread safe.
 */
final class Pristine
{
    /** The template per class, or {@link #NOT_ELIGIBLE} for a class without a usable no-argument constructor. */
    private final Map<Class<?>, Object> templates = new HashMap<>();
    private final IdentityHashMap<Object, Boolean> parts = new IdentityHashMap<>();
    private static final Object NOT_ELIGIBLE = new Object();
    /** The classes written as pristine so far, by number: a class's name is written once, then its number. */
    private final Map<Class<?>, Integer> classNumbers = new HashMap<>();
    private final List<Class<?>> classes = new ArrayList<>();

    /**
     * Whether {@code object} (of a {@link GraphShape.Kind#FIELDS} class) equals what its class's no-argument constructor
     * makes, with no array in it that {@code written} already holds (written elsewhere: sharing a pristine object drops).
     */
    boolean is(final Object object, final Predicate<Object> written)
    {
        final Object template = template(object.getClass());
        if (template == NOT_ELIGIBLE)
        {
            return false;
        }
        try
        {
            for (final Field field : GraphShape.fields(object.getClass()))
            {
                if (!sameField(field, object, template, written))
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

    /** Writer side: {@code object} is written as pristine, so its arrays are not written and must not be met again. */
    void written(final Object object)
    {
        forEachArray(object, array -> parts.put(array, Boolean.TRUE));
    }

    /** The arrays {@code object}'s fields hold (a pristine object's only references besides values and kept structure). */
    static void forEachArray(final Object object, final java.util.function.Consumer<Object> action)
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
            }
        }
        catch (final IllegalAccessException ex)
        {
            throw new IllegalStateException("cannot read " + object.getClass().getName(), ex);
        }
    }

    /** Whether {@code object} is an array inside an object written as pristine (then it may not be written again). */
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

    /** Reader side: a new object as the class's no-argument constructor makes it. */
    static Object make(final Class<?> type)
    {
        try
        {
            final Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new IllegalStateException("cannot make a pristine " + type.getName(), ex);
        }
    }

    private Object template(final Class<?> type)
    {
        Object template = templates.get(type);
        if (template == null)
        {
            try
            {
                template = make(type);
            }
            catch (final IllegalStateException | LinkageError ex)
            {
                template = NOT_ELIGIBLE;  // no such constructor, or it needs what a snapshot cannot give: written in full
            }
            templates.put(type, template);
        }
        return template;
    }

    private boolean sameField(final Field field, final Object object, final Object template, final Predicate<Object> written)
        throws IllegalAccessException
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
            case ARRAY: return value.getClass().getComponentType().isPrimitive() && !parts.containsKey(value) && !written.test(value)
                && Objects.deepEquals(value, expected);
            default: return false;
        }
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
