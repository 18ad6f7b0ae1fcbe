package io.ordergate.engine.snapshot;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.ordergate.engine.Engine;

/**
 * The engine's whole state as a snapshot, room by room: one section per room and table of the engine (each field of
 * {@link Engine}, the rooms and the plugged-in venues and handlers, with {@code EngineState} opened into its tables),
 * each written as the object graph it is ({@link GraphWriter}) and read back in place into a freshly built engine
 * ({@link GraphReader}) of the same configuration and plug-ins.
 *
 * <p>Nothing is listed by hand: a table, a field or a room added to the engine is in the next snapshot without
 * anyone remembering to add it. What is not state must say so: a {@code transient} field (a scratch buffer) or
 * structure the constructor builds the same every time (lambdas, configuration). {@code SnapshotCoverageTest}
 * holds the rest to the state digest: the state restored from a snapshot has the digest of the state written.
 *
 * <p>Engine thread only (or before the engine starts). Writing allocates (it is not per command); reading is a
 * start-up's work.
 */
public final class EngineSnapshot
{
    private static final int MAGIC = 0x4f47534e;  // "OGSN"
    /** 2: objects as their constructor makes them are written as {@link GraphWriter#PRISTINE}; 1 (read still): every object in full. */
    private static final int FORMAT = 2;
    private static final int FORMAT_IN_FULL = 1;
    /** The last write's object count, to size the next one's identity table (any thread: a hint, nothing more). */
    private static volatile int lastObjects = 1 << 16;
    private static final String STATE_FIELD = "state";

    private EngineSnapshot()
    {
    }

    /** What a write wrote, for the log and the coverage test. */
    public record Written(int sections, int objects, Set<String> kept)
    {
    }

    /** Writes every section of {@code engine} to {@code out} (buffered here; {@code out} is not closed). */
    public static Written write(final Engine engine, final OutputStream out)
    {
        return write(engine, out, FORMAT);
    }

    /**
     * Writes {@code engine} as builds before format 2 did, every object in full (the preallocated ones
     * no command used included): how a test proves such a snapshot still loads.
     */
    public static Written writeInFull(final Engine engine, final OutputStream out)
    {
        return write(engine, out, FORMAT_IN_FULL);
    }

    private static Written write(final Engine engine, final OutputStream out, final int format)
    {
        try
        {
            final DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
            data.writeInt(MAGIC);
            data.writeInt(format);
            final GraphWriter writer = new GraphWriter(data, format != FORMAT_IN_FULL, lastObjects);
            final List<Section> sections = sections(engine);
            writer.known(engine);
            writer.known(state(engine));
            data.writeInt(sections.size());
            for (final Section section : sections)
            {
                writer.section(section.name(), section.field().get(section.owner()));
            }
            data.flush();
            lastObjects = writer.objects();
            return new Written(sections.size(), writer.objects(), writer.kept());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final IllegalAccessException ex)
        {
            throw new IllegalStateException("cannot read the engine's state", ex);
        }
    }

    /**
     * Reads a snapshot into {@code engine}, which must be freshly built with the configuration and plug-ins of the one
     * written, and must not have applied any command.
     */
    public static void read(final Engine engine, final InputStream in)
    {
        try
        {
            final DataInputStream data = new DataInputStream(new BufferedInputStream(in, 1 << 16));
            final int magic = data.readInt();
            final int format = data.readInt();
            if (magic != MAGIC || format != FORMAT && format != FORMAT_IN_FULL)
            {
                throw new IllegalStateException("not an engine snapshot of format " + FORMAT_IN_FULL + " or " + FORMAT);
            }
            final GraphReader reader = new GraphReader(data);
            final List<Section> sections = sections(engine);
            reader.known(engine);
            reader.known(state(engine));
            final int count = data.readInt();
            if (count != sections.size())
            {
                throw new IllegalStateException("the snapshot has " + count + " sections, this build's engine " + sections.size());
            }
            for (final Section section : sections)
            {
                final Object current = section.field().get(section.owner());
                final Object restored = reader.section(section.name(), current);
                if (restored != current)
                {
                    section.field().set(section.owner(), restored);
                }
            }
            reader.finish();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final IllegalAccessException ex)
        {
            throw new IllegalStateException("cannot restore the engine's state", ex);
        }
    }

    /** The names of the sections, in snapshot order: the engine's rooms and tables. */
    public static List<String> sectionNames(final Engine engine)
    {
        final List<String> names = new ArrayList<>();
        for (final Section section : sections(engine))
        {
            names.add(section.name());
        }
        return names;
    }

    private record Section(String name, Object owner, Field field)
    {
    }

    private static List<Section> sections(final Engine engine)
    {
        final List<Section> sections = new ArrayList<>();
        final Object state = state(engine);
        for (final Field field : GraphShape.fields(Engine.class))
        {
            if (field.getName().equals(STATE_FIELD))
            {
                for (final Field table : GraphShape.fields(state.getClass()))
                {
                    sections.add(new Section("state." + table.getName(), state, table));
                }
            }
            else
            {
                sections.add(new Section(field.getName(), engine, field));
            }
        }
        return sections;
    }

    private static Object state(final Engine engine)
    {
        try
        {
            final Field field = Engine.class.getDeclaredField(STATE_FIELD);
            field.setAccessible(true);
            return field.get(engine);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new IllegalStateException("the engine has no field " + STATE_FIELD, ex);
        }
    }
}
