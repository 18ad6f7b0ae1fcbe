package io.ordergate.engine.command;

import org.agrona.ExpandableArrayBuffer;

import com.lmax.disruptor.EventFactory;

import io.ordergate.engine.change.ChangeSet;

/**
 * The one event type on the ring: made once per slot by {@link #FACTORY}, reset and refilled in place.
 * <b>Not thread safe</b>: each field is written by one stage, as marked, and read by the stages after it;
 * the ring's sequence barriers publish the writes.
 *
 * <p>The frame ({@link CommandFrame} layout: header then body) is exactly what the journal stores and what
 * replay feeds back, so a replayed command is byte for byte the one first applied.
 */
public final class CommandEvent
{
    public static final EventFactory<CommandEvent> FACTORY = CommandEvent::new;

    public static final int OUTPUT_NONE = 0;
    /** {@link #output} holds a complete JSON body written by the engine. */
    public static final int OUTPUT_JSON = 1;
    /** {@link #order} holds the order the command created or changed. */
    public static final int OUTPUT_ORDER = 2;
    /**
     * {@link #output} holds the users room's records (users and sessions as the command left them, layout in
     * {@code io.ordergate.engine.user.UserRecords}); the gateway's user directory applies them, also on a rejection.
     */
    public static final int OUTPUT_USER_RECORDS = 3;

    private static final int INITIAL_FRAME_CAPACITY = 512;
    private static final int INITIAL_OUTPUT_CAPACITY = 1024;

    // ---- written by the publisher (Netty event loop, quote feed, connector) ----
    /** Header and body, in the journal's byte layout. Grows only for rare large admin commands. */
    public final ExpandableArrayBuffer frame = new ExpandableArrayBuffer(INITIAL_FRAME_CAPACITY);
    public CommandType type;
    /** Who answers: an HTTP connection, a WebSocket, nobody (null). Never journaled. */
    public Object replyTo;
    /**
     * What the one who answers needs besides the event (e.g. the renderer of the answer, a secret shown once), set
     * with {@link #replyTo} by the publisher, read by the reply stage. Never journaled, never read by the engine.
     */
    public Object attachment;
    /** {@link System#nanoTime()} at ingress, for the stage histograms. Never journaled. */
    public long ingressNanos;

    // ---- written by stage 1, the journal ----
    public long journalIndex;
    public long journaledNanos;

    // ---- written by stage 2, the engine ----
    public ResultCode result;
    /**
     * A pipeline stage threw on this command (a bug, or an {@link Error} such as a failed write into a mapped file): the
     * stages after it must not act on it. Set by the stage exception handler; a null {@link #result} alone would read
     * as "not yet applied" to the engine stage.
     */
    public boolean stageFailed;
    /** A constant message naming what failed, or null for the code's default. */
    public String resultMessage;
    /** The request field at fault, or null. */
    public String resultField;
    public int outputKind;
    /** An id the command created that later stages need (e.g. the principal of a new API key), or -1. */
    public long resultId;
    /**
     * The SHA-256 of a content-addressed file the command left no record pointing at (a recompile's replaced EX5), for
     * the reply stage to remove once the command is settled; null for none. The array is the engine's: read, never written.
     */
    public byte[] released;
    public final OrderView order = new OrderView();
    /** What the command changed: orders, fills, positions, accounts (journaled commands only). */
    public final ChangeSet changes = new ChangeSet(order);
    public final ExpandableArrayBuffer output = new ExpandableArrayBuffer(INITIAL_OUTPUT_CAPACITY);
    public int outputLength;
    public long engineDoneNanos;
    /**
     * The start epoch this command ran in (the last {@code START_EPOCH} before it in the journal, 0 before any): part
     * of the names that leave the gateway (webhook event ids), so that a command given a lost command's journal index
     * after a cut tail still gets a name never used before. Set by the engine for every command it applies.
     */
    public long startEpoch;
    /**
     * Messages for venue connectors (e.g. commands to push to an executor's WebSocket), written by the engine,
     * sent by the reply stage. Layout per connector; {@link #outboxCount} records in {@link #outboxLength} bytes.
     */
    public final ExpandableArrayBuffer outbox = new ExpandableArrayBuffer(INITIAL_OUTPUT_CAPACITY);
    public int outboxLength;
    public int outboxCount;

    /** Reset by the publisher before it fills the slot. */
    public void reset(final CommandType type)
    {
        this.type = type;
        this.stageFailed = false;
        this.replyTo = null;
        this.attachment = null;
        this.ingressNanos = 0;
        this.journalIndex = -1;
        this.journaledNanos = 0;
        clearResult();
    }

    /** Reset of the engine's output: also used by replay, which reuses one event. */
    public void clearResult()
    {
        this.result = null;
        this.resultMessage = null;
        this.resultField = null;
        this.outputKind = OUTPUT_NONE;
        this.resultId = -1;
        this.released = null;
        this.outputLength = 0;
        this.engineDoneNanos = 0;
        this.startEpoch = 0;
        this.outboxLength = 0;
        this.outboxCount = 0;
        this.changes.clear();
    }

    public int frameLength()
    {
        return CommandFrame.HEADER_LENGTH + frame.getInt(CommandFrame.BODY_LENGTH_OFFSET);
    }

    /** Writes the header fields; the body length is set by {@link #bodyLength(int)} once the body is written. */
    public void header(final int principal, final long wallMicros, final long correlationId, final int source)
    {
        frame.putInt(CommandFrame.TYPE_OFFSET, type.code());
        frame.putInt(CommandFrame.PRINCIPAL_OFFSET, principal);
        frame.putLong(CommandFrame.WALL_MICROS_OFFSET, wallMicros);
        frame.putLong(CommandFrame.CORRELATION_ID_OFFSET, correlationId);
        frame.putInt(CommandFrame.SOURCE_OFFSET, source);
        frame.putInt(CommandFrame.BODY_LENGTH_OFFSET, 0);
    }

    public void bodyLength(final int length)
    {
        frame.putInt(CommandFrame.BODY_LENGTH_OFFSET, length);
    }

    public int principal()
    {
        return frame.getInt(CommandFrame.PRINCIPAL_OFFSET);
    }

    public long wallMicros()
    {
        return frame.getLong(CommandFrame.WALL_MICROS_OFFSET);
    }

    public long correlationId()
    {
        return frame.getLong(CommandFrame.CORRELATION_ID_OFFSET);
    }

    public int source()
    {
        return frame.getInt(CommandFrame.SOURCE_OFFSET);
    }

    public void reject(final ResultCode code, final String message, final String field)
    {
        this.result = code;
        this.resultMessage = message;
        this.resultField = field;
    }
}
