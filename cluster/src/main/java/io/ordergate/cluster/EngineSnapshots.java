package io.ordergate.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.zip.CRC32C;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.IdleStrategy;

import io.aeron.ExclusivePublication;
import io.aeron.FragmentAssembler;
import io.aeron.Image;
import io.aeron.Publication;

import io.ordergate.engine.Engine;
import io.ordergate.engine.snapshot.EngineSnapshot;
import io.ordergate.engine.snapshot.StateGraph;

/**
 * The clustered service's snapshot: the client sessions' last applied correlation ids (the de-duplication of
 * resends), the log's leadership term and the terms whose resume was applied ({@link ResumeTerms}), the state kept
 * beside the engine ({@link StateGraph}: the gateway's registries, which a member would otherwise rebuild only from
 * the log it applies, so one started from a snapshot would lack what came before it),
 * then the engine's state ({@link EngineSnapshot}, room by room), sent to the archive in chunks and closed by a
 * trailer with the length and a CRC32C, so a snapshot cut short is refused rather than half loaded.
 *
 * <pre>
 *   content : int sessions, (long session, long correlation id)*, int TERMS, long log term, long recovered routed term,
 *             long recovered exchange term, int BESIDE, int length, StateGraph, EngineSnapshot
 *   chunk   : int CHUNK, bytes ...            (up to 32 KiB each)
 *   trailer : int END, long total length, long crc32c
 * </pre>
 * A snapshot written before the state beside the engine was kept has no BESIDE block: it loads, and that state is
 * rebuilt only from the log after it (as before). One written before the terms were kept has no TERMS block: it loads,
 * and no resume is passed by until the log's next term begins (as before).
 * Service thread only.
 */
final class EngineSnapshots
{
    private static final Logger LOG = Logger.getLogger(EngineSnapshots.class.getName());
    private static final int CHUNK = 1;
    private static final int END = 2;
    private static final int CHUNK_BYTES = 32 * 1024;

    /** Marks the block of state beside the engine (an engine snapshot begins with its own magic, never this). */
    private static final int BESIDE = 0x4f474253;  // "OGBS"
    /** Marks the block of {@link ResumeTerms} (neither an engine snapshot's magic nor {@link #BESIDE}). */
    private static final int TERMS = 0x4f475254;  // "OGRT"

    private final Engine engine;
    private final Long2LongHashMap lastApplied;
    private final ResumeTerms resumeTerms;
    private final Supplier<Map<String, Object>> besideEngine;
    private final ExpandableArrayBuffer message = new ExpandableArrayBuffer(CHUNK_BYTES + Integer.BYTES);

    EngineSnapshots(final Engine engine, final Long2LongHashMap lastApplied, final ResumeTerms resumeTerms,
        final Supplier<Map<String, Object>> besideEngine)
    {
        this.engine = engine;
        this.lastApplied = lastApplied;
        this.resumeTerms = resumeTerms;
        this.besideEngine = besideEngine;
    }

    void take(final ExclusivePublication publication, final IdleStrategy idle)
    {
        final long start = System.nanoTime();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try
        {
            final DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(lastApplied.size());
            final Long2LongHashMap.KeyIterator sessions = lastApplied.keySet().iterator();
            while (sessions.hasNext())
            {
                final long session = sessions.nextValue();
                out.writeLong(session);
                out.writeLong(lastApplied.get(session));
            }
            out.writeInt(TERMS);
            resumeTerms.write(out);
            final ByteArrayOutputStream beside = new ByteArrayOutputStream(1 << 16);
            final Set<String> lost = StateGraph.write(besideEngine.get(), beside);
            if (!lost.isEmpty())
            {
                LOG.warning(() -> "the state beside the engine holds objects a snapshot does not keep (they load empty): " + lost);
            }
            out.writeInt(BESIDE);
            out.writeInt(beside.size());
            beside.writeTo(out);
            out.flush();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        final EngineSnapshot.Written written = EngineSnapshot.write(engine, bytes);
        final byte[] all = bytes.toByteArray();
        for (int offset = 0; offset < all.length; offset += CHUNK_BYTES)
        {
            final int length = Math.min(CHUNK_BYTES, all.length - offset);
            message.putInt(0, CHUNK);
            message.putBytes(Integer.BYTES, all, offset, length);
            offer(publication, Integer.BYTES + length, idle);
        }
        final CRC32C crc = new CRC32C();
        crc.update(all, 0, all.length);
        message.putInt(0, END);
        message.putLong(Integer.BYTES, all.length);
        message.putLong(Integer.BYTES + Long.BYTES, crc.getValue());
        offer(publication, Integer.BYTES + 2 * Long.BYTES, idle);
        final long millis = (System.nanoTime() - start) / 1_000_000L;
        LOG.info(() -> "snapshot taken: " + all.length + " bytes, " + written.sections() + " sections, " + written.objects() + " objects, " +
            millis + " ms");
    }

    private void offer(final ExclusivePublication publication, final int length, final IdleStrategy idle)
    {
        idle.reset();
        while (true)
        {
            final long result = publication.offer(message, 0, length);
            if (result > 0)
            {
                return;
            }
            if (result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED)
            {
                throw new IllegalStateException("the snapshot publication refused a chunk: " + result);
            }
            idle.idle();
        }
    }

    void load(final Image image, final IdleStrategy idle)
    {
        final long start = System.nanoTime();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        final long[] trailer = {-1, 0};
        final FragmentAssembler assembler = new FragmentAssembler((buffer, offset, length, header) ->
        {
            final int kind = buffer.getInt(offset);
            if (kind == CHUNK)
            {
                final byte[] chunk = new byte[length - Integer.BYTES];
                buffer.getBytes(offset + Integer.BYTES, chunk);
                bytes.write(chunk, 0, chunk.length);
            }
            else if (kind == END)
            {
                trailer[0] = buffer.getLong(offset + Integer.BYTES);
                trailer[1] = buffer.getLong(offset + Integer.BYTES + Long.BYTES);
            }
        });
        idle.reset();
        while (trailer[0] < 0)
        {
            final int fragments = image.poll(assembler, 16);
            if (fragments == 0 && image.isEndOfStream())
            {
                throw new IllegalStateException("the cluster snapshot ends before its trailer: it is incomplete");
            }
            idle.idle(fragments);
        }
        final byte[] all = bytes.toByteArray();
        final CRC32C crc = new CRC32C();
        crc.update(all, 0, all.length);
        if (all.length != trailer[0] || crc.getValue() != trailer[1])
        {
            throw new IllegalStateException("the cluster snapshot is damaged (length or CRC32C differ from its trailer)");
        }
        final ByteArrayInputStream in = new ByteArrayInputStream(all);
        try
        {
            final DataInputStream data = new DataInputStream(in);
            final int sessions = data.readInt();
            for (int i = 0; i < sessions; i++)
            {
                lastApplied.put(data.readLong(), data.readLong());
            }
            in.mark(Integer.BYTES);
            if (data.readInt() == TERMS)
            {
                resumeTerms.read(data);
                in.mark(Integer.BYTES);
            }
            else
            {
                in.reset();  // an older snapshot: the state beside the engine, or the engine's, follows at once
            }
            if (data.readInt() == BESIDE)
            {
                final byte[] beside = new byte[data.readInt()];
                data.readFully(beside);
                StateGraph.read(besideEngine.get(), new ByteArrayInputStream(beside));
            }
            else
            {
                in.reset();  // an older snapshot: the engine's state follows at once
                LOG.warning("the snapshot has no state beside the engine (an older build wrote it): registries hold only the log after it");
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        EngineSnapshot.read(engine, in);
        final long millis = (System.nanoTime() - start) / 1_000_000L;
        LOG.info(() -> "snapshot loaded: " + all.length + " bytes in " + millis + " ms");
    }
}
