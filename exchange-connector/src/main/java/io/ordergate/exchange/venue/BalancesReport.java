package io.ordergate.exchange.venue;

import java.util.Arrays;

import org.agrona.DirectBuffer;

import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;

/**
 * An EXCHANGE_BALANCES body as read (its layout: {@link ExchangeBodies}), after the account id: each asset's name (where
 * it stands in the frame, not copied), free and locked amounts and, from a futures read, unrealized profit and margin
 * balance; the kind, and the stream mark. Reused for every report: its arrays grow only for a report of more assets
 * than any before, so reading one allocates nothing. <b>Not thread safe</b>: engine thread, one command at a time.
 */
final class BalancesReport
{
    private static final int INITIAL_ASSETS = 8;

    /** The frame of the report read last (the command's, not state). */
    private transient DirectBuffer frame;
    private int[] nameOffsets = new int[INITIAL_ASSETS];
    private int[] nameLengths = new int[INITIAL_ASSETS];
    private long[] free = new long[INITIAL_ASSETS];
    private long[] locked = new long[INITIAL_ASSETS];
    private long[] unrealized = new long[INITIAL_ASSETS];
    private long[] margin = new long[INITIAL_ASSETS];
    private int count;
    private int kind;
    private boolean figures;
    private long streamSession;
    private long streamUpdates;

    /** Reads the body from the reader's position (after the account id) to {@code bodyEnd}. */
    void read(final BodyReader reader, final AsciiView text, final int bodyEnd)
    {
        count = reader.readInt();
        if (count > nameOffsets.length)
        {
            grow(count);
        }
        for (int i = 0; i < count; i++)
        {
            reader.readString(text);
            frame = text.buffer();
            nameOffsets[i] = text.offset();
            nameLengths[i] = text.length();
            free[i] = reader.readLong();
            locked[i] = reader.readLong();
        }
        kind = reader.position() < bodyEnd ? reader.readByte() : ExchangeBodies.BALANCES_DELTA;
        figures = reader.position() < bodyEnd && reader.readByte() == 1;
        for (int i = 0; figures && i < count; i++)
        {
            unrealized[i] = reader.readLong();
            margin[i] = reader.readLong();
        }
        // a forwarded sync's request id (the reply stage's) and the stream mark may follow: the mark is the last 16 bytes
        final int requestIdBytes = kind == ExchangeBodies.BALANCES_SYNC ? Long.BYTES : 0;
        final boolean marked = bodyEnd - reader.position() >= requestIdBytes + 2 * Long.BYTES;
        if (marked && requestIdBytes > 0)
        {
            reader.readLong();
        }
        streamSession = marked ? reader.readLong() : 0;
        streamUpdates = marked ? reader.readLong() : 0;
    }

    int count()
    {
        return count;
    }

    /** {@link ExchangeBodies#BALANCES_DELTA}, {@code BALANCES_COMPLETE} or {@code BALANCES_SYNC}. */
    int kind()
    {
        return kind;
    }

    /** The exchange told unrealized profit and margin balance (a futures account's read). */
    boolean figures()
    {
        return figures;
    }

    /** Wraps {@code into} around the name of the report's {@code i}th asset, in the command's frame. */
    AsciiView asset(final int i, final AsciiView into)
    {
        return into.wrap(frame, nameOffsets[i], nameLengths[i]);
    }

    long free(final int i)
    {
        return free[i];
    }

    long locked(final int i)
    {
        return locked[i];
    }

    long unrealized(final int i)
    {
        return unrealized[i];
    }

    long margin(final int i)
    {
        return margin[i];
    }

    /** The connector's stream session the mark counts in (0: unmarked). */
    long streamSession()
    {
        return streamSession;
    }

    /** The number of the session's last stream update the report holds. */
    long streamUpdates()
    {
        return streamUpdates;
    }

    private void grow(final int assets)
    {
        nameOffsets = Arrays.copyOf(nameOffsets, assets);
        nameLengths = Arrays.copyOf(nameLengths, assets);
        free = Arrays.copyOf(free, assets);
        locked = Arrays.copyOf(locked, assets);
        unrealized = Arrays.copyOf(unrealized, assets);
        margin = Arrays.copyOf(margin, assets);
    }
}
