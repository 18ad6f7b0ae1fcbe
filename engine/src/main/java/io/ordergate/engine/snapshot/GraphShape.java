package io.ordergate.engine.snapshot;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How the snapshot sees a class: what is a value written in place, what is kept as the fresh engine built it
 * (structure, not state), what is a collection written by its contents, and which fields an object is made of.
 * Shared by {@link GraphWriter} and {@link GraphReader}, so both walk the same fields in the same order.
 */
final class GraphShape
{
    /** How an object is written. */
    enum Kind
    {
        /** Immutable: written in place, not tracked by identity (strings, boxes, enums, decimals, records). */
        VALUE,
        /** Structure the engine's constructor builds the same way every time (lambdas, configuration): not written. */
        KEEP,
        /** An array: its length, then its elements. */
        ARRAY,
        /** A JDK map or collection: its entries, put back into the fresh engine's instance. */
        CONTAINER,
        /** A JDK atomic number: its value. */
        ATOMIC,
        /** An Agrona buffer: the byte array it wraps and its window (a direct one is scratch, kept as built). */
        BUFFER,
        /** Any other object: its fields, every one of them (superclass first, each class's fields by name). */
        FIELDS
    }

    /** One direction of the snapshot, writing or reading, over the parts of an object's contents ({@link #walkContents}). */
    interface ContentsWalk
    {
        void array(Object array, Class<?> component) throws IOException;

        void container(Object container) throws IOException;

        void atomic(Object atomic) throws IOException;

        void buffer(org.agrona.concurrent.UnsafeBuffer buffer) throws IOException;

        void field(Field field, Object object) throws IOException;
    }

    private static final Map<Class<?>, Kind> KINDS = new ConcurrentHashMap<>();
    private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

    private GraphShape()
    {
    }

    static Kind kind(final Class<?> type)
    {
        return KINDS.computeIfAbsent(type, GraphShape::classify);
    }

    private static Kind classify(final Class<?> type)
    {
        if (type.isArray())
        {
            return Kind.ARRAY;
        }
        if (type == String.class || type.isEnum() || (type.getSuperclass() != null && type.getSuperclass().isEnum()) || type.isRecord() ||
            Number.class.isAssignableFrom(type) && type.getName().startsWith("java.lang.") || type == Boolean.class ||
            type == Character.class || type == BigDecimal.class || type == BigInteger.class || type == java.net.URI.class)
        {
            return Kind.VALUE;
        }
        if (type == AtomicLong.class || type == AtomicInteger.class || type == AtomicBoolean.class ||
            type == java.util.concurrent.atomic.AtomicLongArray.class)
        {
            return Kind.ATOMIC;
        }
        final String name = type.getName();
        if (type == org.agrona.concurrent.UnsafeBuffer.class)
        {
            return Kind.BUFFER;
        }
        if (type.isSynthetic() || type.isHidden() || name.startsWith("io.ordergate.config."))
        {
            return Kind.KEEP;
        }
        if (isJdk(name))
        {
            return Map.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type) ? Kind.CONTAINER : Kind.KEEP;
        }
        return Kind.FIELDS;
    }

    /**
     * The class a container is restored as: its own, or for a JDK container that cannot be made empty and filled (an
     * unmodifiable or immutable list, set or map, a record's {@code List.copyOf}) a plain one with the same order.
     */
    static Class<?> restorable(final Class<?> type)
    {
        try
        {
            type.getDeclaredConstructor();
            return type;
        }
        catch (final NoSuchMethodException ex)
        {
            if (Map.class.isAssignableFrom(type))
            {
                return java.util.LinkedHashMap.class;
            }
            return java.util.Set.class.isAssignableFrom(type) ? java.util.LinkedHashSet.class : ArrayList.class;
        }
    }

    private static boolean isJdk(final String name)
    {
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name.startsWith("sun.") ||
            name.startsWith("com.sun.");
    }

    /** Every instance field that is state: not static, not transient; superclass first, each class's by name. */
    static List<Field> fields(final Class<?> type)
    {
        return FIELDS.computeIfAbsent(type, GraphShape::collect);
    }

    private static List<Field> collect(final Class<?> type)
    {
        final List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass())
        {
            chain.add(0, c);
        }
        final List<Field> fields = new ArrayList<>();
        for (final Class<?> c : chain)
        {
            final List<Field> own = new ArrayList<>();
            for (final Field field : c.getDeclaredFields())
            {
                if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers()))
                {
                    field.setAccessible(true);
                    own.add(field);
                }
            }
            own.sort(Comparator.comparing(Field::getName));
            fields.addAll(own);
        }
        return List.copyOf(fields);
    }

    /**
     * An object's contents by its {@link Kind}: an array's elements, a container's entries, an atomic's value, a buffer's
     * window, or else every field in {@link #fields} order. The writer and the reader both go through here, so they
     * cannot disagree on what follows an object.
     */
    static void walkContents(final Object object, final ContentsWalk walk) throws IOException
    {
        final Class<?> type = object.getClass();
        switch (kind(type))
        {
            case ARRAY: walk.array(object, type.getComponentType()); break;
            case CONTAINER: walk.container(object); break;
            case ATOMIC: walk.atomic(object); break;
            case BUFFER: walk.buffer((org.agrona.concurrent.UnsafeBuffer)object); break;
            default:
                for (final Field field : fields(type))
                {
                    walk.field(field, object);
                }
        }
    }

    /** The fields' names, as a snapshot records them the first time it meets a class (a build check on load). */
    static String signature(final Class<?> type)
    {
        final StringBuilder names = new StringBuilder();
        for (final Field field : fields(type))
        {
            names.append(field.getName()).append(':').append(field.getType().getName()).append(';');
        }
        return names.toString();
    }
}
