package io.ordergate.engine.snapshot;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

/**
 * Named roots of state kept beside the engine (the gateway's registries: keys, users, exchange credentials, webhooks),
 * written and read as the engine's rooms are ({@link GraphWriter}, {@link GraphReader}): each root is filled in place,
 * so a root must be an object its owner keeps for good (a map, a table), never replaced.
 *
 * <pre>
 *   int MAGIC, int count, then per root: its name and object graph (GraphWriter's section)
 * </pre>
 * Not thread safe: on the thread that owns the roots (the cluster's service thread).
 */
public final class StateGraph
{
    private static final int MAGIC = 0x4f475347;  // "OGSG"

    private StateGraph()
    {
    }

    /**
     * Writes every root, in the map's order.
     *
     * @return the classes met that were kept as built rather than written: state there would be lost (a check for tests)
     */
    public static Set<String> write(final Map<String, Object> roots, final OutputStream out)
    {
        try
        {
            final DataOutputStream data = new DataOutputStream(out);
            data.writeInt(MAGIC);
            data.writeInt(roots.size());
            // In full: the registries beside the engine are not preallocated tables, and building templates of their classes
            // (Pristine) would run the gateway's constructors, which are not pure engine state, during a snapshot.
            final GraphWriter writer = new GraphWriter(data, false, 64);
            for (final Map.Entry<String, Object> root : roots.entrySet())
            {
                writer.section(root.getKey(), root.getValue());
            }
            data.flush();
            return writer.kept();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** Reads what {@link #write} wrote into the same roots, freshly built (same names, same order). */
    public static void read(final Map<String, Object> roots, final InputStream in)
    {
        try
        {
            final DataInputStream data = new DataInputStream(in);
            if (data.readInt() != MAGIC)
            {
                throw new IllegalStateException("not the state beside the engine");
            }
            final int count = data.readInt();
            if (count != roots.size())
            {
                throw new IllegalStateException("the snapshot has " + count + " roots of state beside the engine, this build " + roots.size());
            }
            final GraphReader reader = new GraphReader(data);
            for (final Map.Entry<String, Object> root : roots.entrySet())
            {
                if (reader.section(root.getKey(), root.getValue()) != root.getValue())
                {
                    throw new IllegalStateException("the root " + root.getKey() + " was not restored in place (null, or another class)");
                }
            }
            reader.finish();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
