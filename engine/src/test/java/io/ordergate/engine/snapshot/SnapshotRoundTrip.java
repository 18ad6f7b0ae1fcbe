package io.ordergate.engine.snapshot;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

import io.ordergate.engine.Engine;

/**
 * The proof a test of any engine state gives that a snapshot carries it: {@code engine} written to a snapshot and
 * read into a fresh engine (same configuration, same plug-ins) has the same state digest, and written again gives
 * the very same bytes. The second check needs no digest: a field of any table or room that a snapshot loses or
 * changes (a trailing stop's best price, a hedging position's leg, an exchange account's open orders, a user's
 * sessions) shows up as bytes that differ, even where the digest does not look; the failure names the field.
 */
public final class SnapshotRoundTrip
{
    private SnapshotRoundTrip()
    {
    }

    /** Checks the round trip of {@code engine} through {@code fresh} (built as it was, never applied to); returns the digest. */
    public static long check(final Engine engine, final Engine fresh)
    {
        final long digest = engine.stateDigest();
        final byte[] written = bytes(engine);
        EngineSnapshot.read(fresh, new ByteArrayInputStream(written));
        if (fresh.stateDigest() != digest)
        {
            throw new AssertionError("an engine restored from a snapshot has another state digest: some state the digest covers is not in "
                + "the snapshot (" + difference(engine, fresh) + ")");
        }
        final byte[] again = bytes(fresh);
        final int differs = Arrays.mismatch(written, again);
        if (differs >= 0)
        {
            throw new AssertionError("an engine restored from a snapshot writes another snapshot (the first difference at byte " + differs
                + "): some state is lost or changed on the way: " + difference(engine, fresh));
        }
        return digest;
    }

    private static byte[] bytes(final Engine engine)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        EngineSnapshot.write(engine, out);
        return out.toByteArray();
    }

    /** The first field, walked as the snapshot walks the engine, whose value differs between the two (for the message). */
    static String difference(final Engine original, final Engine restored)
    {
        final String found = walk(original, restored, "engine", new IdentityHashMap<>());
        return found == null ? "no field differs" : found;
    }

    private static String walk(final Object a, final Object b, final String path, final IdentityHashMap<Object, Boolean> seen)
    {
        if (a == null || b == null)
        {
            return a == b ? null : path + ": " + a + " / " + b;
        }
        if (a.getClass() != b.getClass())
        {
            return path + ": a " + a.getClass().getName() + " / a " + b.getClass().getName();
        }
        final GraphShape.Kind kind = GraphShape.kind(a.getClass());
        if (kind == GraphShape.Kind.VALUE)
        {
            return Objects.equals(a, b) ? null : path + ": " + a + " / " + b;
        }
        if (kind == GraphShape.Kind.KEEP || seen.put(a, Boolean.TRUE) != null)
        {
            return null;
        }
        if (kind == GraphShape.Kind.ARRAY)
        {
            if (Array.getLength(a) != Array.getLength(b))
            {
                return path + ": length " + Array.getLength(a) + " / " + Array.getLength(b);
            }
            for (int i = 0; i < Array.getLength(a); i++)
            {
                final String found = walk(Array.get(a, i), Array.get(b, i), path + "[" + i + "]", seen);
                if (found != null)
                {
                    return found;
                }
            }
            return null;
        }
        if (kind == GraphShape.Kind.CONTAINER)
        {
            final Collection<?> left = a instanceof Map ? ((Map<?, ?>)a).entrySet() : (Collection<?>)a;
            final Collection<?> right = b instanceof Map ? ((Map<?, ?>)b).entrySet() : (Collection<?>)b;
            if (left.size() != right.size())
            {
                return path + ": size " + left.size() + " / " + right.size();
            }
            final Iterator<?> r = right.iterator();
            for (final Object l : left)
            {
                final String found = walk(String.valueOf(l), String.valueOf(r.next()), path + "{}", seen);
                if (found != null)
                {
                    return found;
                }
            }
            return null;
        }
        if (kind == GraphShape.Kind.ATOMIC)
        {
            return a.toString().equals(b.toString()) ? null : path + ": " + a + " / " + b;
        }
        for (final Field field : GraphShape.fields(a.getClass()))
        {
            try
            {
                final String found = walk(field.get(a), field.get(b), path + "." + field.getName(), seen);
                if (found != null)
                {
                    return found;
                }
            }
            catch (final IllegalAccessException ex)
            {
                return path + "." + field.getName() + ": unreadable";
            }
        }
        return null;
    }
}
