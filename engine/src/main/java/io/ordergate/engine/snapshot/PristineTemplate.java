package io.ordergate.engine.snapshot;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * How a class makes its objects when no command has used them yet, for {@link Pristine}: by its no-argument
 * constructor, or by a constructor taking one {@code int} (a preallocated table's slot number) that only stores it in
 * the class's one {@code final int} field. The second kind is checked, not assumed: objects made with 0 and with 1
 * must hold 0 and 1 in that field and be equal in every other one, or the class is written in full. Immutable.
 */
final class PristineTemplate
{
    /** An object as the constructor makes it (with number 0 for a numbered class). */
    final Object made;
    /** The field that holds the number, or null for a class made without one. */
    final Field numberField;
    private final Constructor<?> constructor;

    private PristineTemplate(final Object made, final Field numberField, final Constructor<?> constructor)
    {
        this.made = made;
        this.numberField = numberField;
        this.constructor = constructor;
    }

    /** The template of {@code type}, or null when its objects cannot be made that way (then they are written in full). */
    static PristineTemplate of(final Class<?> type)
    {
        try
        {
            final Constructor<?> plain = constructor(type);
            if (plain != null)
            {
                return new PristineTemplate(plain.newInstance(), null, plain);
            }
            final Constructor<?> numbered = constructor(type, int.class);
            final Field numberField = numbered == null ? null : onlyFinalInt(type);
            if (numberField == null)
            {
                return null;
            }
            final Object zero = numbered.newInstance(0);
            final Object one = numbered.newInstance(1);
            if (numberField.getInt(zero) != 0 || numberField.getInt(one) != 1 || !Pristine.sameState(zero, one, numberField))
            {
                return null;  // the number does more than name the slot: not a template
            }
            return new PristineTemplate(zero, numberField, numbered);
        }
        catch (final ReflectiveOperationException | RuntimeException | LinkageError ex)
        {
            return null;  // it needs what a snapshot cannot give: written in full
        }
    }

    /**
     * A new object as the constructor makes it, with {@code number} for a numbered class. The class was checked with 0
     * and 1 only, so a numbered object is compared with the template once made: a constructor that does more with a
     * larger number fails the load here, loudly, instead of restoring another object than the one written.
     */
    Object make(final int number)
    {
        final Object made;
        try
        {
            made = numberField == null ? constructor.newInstance() : constructor.newInstance(number);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new IllegalStateException("cannot make a pristine " + constructor.getDeclaringClass().getName(), ex);
        }
        if (numberField != null && !Pristine.sameState(made, this.made, numberField))
        {
            throw new IllegalStateException("a " + constructor.getDeclaringClass().getName() + " made with " + number
                + " is not what was written as pristine: its constructor does more with the number than keep it");
        }
        return made;
    }

    /** The number {@code object} was made with; 0 for a class made without one. */
    int number(final Object object)
    {
        try
        {
            return numberField == null ? 0 : numberField.getInt(object);
        }
        catch (final IllegalAccessException ex)
        {
            throw new IllegalStateException("cannot read " + numberField, ex);
        }
    }

    private static Constructor<?> constructor(final Class<?> type, final Class<?>... parameters)
    {
        try
        {
            final Constructor<?> constructor = type.getDeclaredConstructor(parameters);
            constructor.setAccessible(true);
            return constructor;
        }
        catch (final NoSuchMethodException ex)
        {
            return null;
        }
    }

    private static Field onlyFinalInt(final Class<?> type)
    {
        Field found = null;
        for (final Field field : GraphShape.fields(type))
        {
            if (field.getType() == int.class && Modifier.isFinal(field.getModifiers()))
            {
                if (found != null)
                {
                    return null;
                }
                found = field;
            }
        }
        return found;
    }
}
