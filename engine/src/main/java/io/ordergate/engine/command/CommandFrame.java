package io.ordergate.engine.command;

/**
 * Byte layout of a command frame: the bytes the journal stores and replay feeds back, little-endian.
 *
 * <pre>
 *   0                   4                   8                                  16
 *   +-------------------+-------------------+----------------------------------+
 *   | type (int)        | principal (int)   | wall-clock micros (long)         |
 *   +-------------------+-------------------+----------------------------------+
 *   | correlation id (long)                 | source (int)      | body length  |
 *   +---------------------------------------+-------------------+--------------+
 *   | body ... (body length bytes, layout per {@link CommandType})             |
 *   +--------------------------------------------------------------------------+
 * </pre>
 *
 * The header is written by whoever publishes the command; the body by its encoder.
 *
 * <p>The correlation id is the ring sequence the command was published at: unique and increasing within one run of
 * the gateway (it starts again after a restart). No log line, answer or journal dump shows it; the cluster form checks
 * a command of its own node against the ring slot it was published in. The engine never reads it (replay must not
 * depend on it).
 */
public final class CommandFrame
{
    public static final int TYPE_OFFSET = 0;
    public static final int PRINCIPAL_OFFSET = TYPE_OFFSET + Integer.BYTES;
    public static final int WALL_MICROS_OFFSET = PRINCIPAL_OFFSET + Integer.BYTES;
    public static final int CORRELATION_ID_OFFSET = WALL_MICROS_OFFSET + Long.BYTES;
    public static final int SOURCE_OFFSET = CORRELATION_ID_OFFSET + Long.BYTES;
    public static final int BODY_LENGTH_OFFSET = SOURCE_OFFSET + Integer.BYTES;
    public static final int HEADER_LENGTH = BODY_LENGTH_OFFSET + Integer.BYTES;
    public static final int BODY_OFFSET = HEADER_LENGTH;

    /** Principal of commands made by the system itself (quote feed, start-up, venue reports). */
    public static final int PRINCIPAL_SYSTEM = -1;
    /** Principal of commands from nobody signed in yet (signup, login, password reset): never an admin. */
    public static final int PRINCIPAL_ANONYMOUS = -2;

    public static final int SOURCE_HTTP = 1;
    public static final int SOURCE_WEBSOCKET = 2;
    public static final int SOURCE_WEBHOOK = 3;
    public static final int SOURCE_FEED = 4;
    public static final int SOURCE_SYSTEM = 5;

    private CommandFrame()
    {
    }
}
