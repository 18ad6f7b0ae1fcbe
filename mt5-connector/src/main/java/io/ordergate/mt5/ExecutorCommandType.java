package io.ordergate.mt5;

/**
 * The commands of seed 000 that an executor understands. Codes are journaled: never renumber, only add.
 * Immutable: safe from any thread.
 */
public enum ExecutorCommandType
{
    GET_STATUS(1, true),
    PAUSE(2, true),
    RESUME(3, true),
    STOP_ALL(4, true),
    CLOSE_ALL_POSITIONS(5, true),
    CLOSE_POSITION(6, false),
    OPEN_POSITION(7, false),
    MODIFY_POSITION(8, false),
    RESTART(9, true),
    // seed 004 (issue 14): the terminal work of an account connected by investor password
    CONNECT_INVESTOR(10, false),
    TEST_CONNECTION(11, false),
    SYNC_HISTORY(12, false),
    DISCONNECT_INVESTOR(13, false);

    private static final ExecutorCommandType[] BY_CODE = new ExecutorCommandType[32];

    static
    {
        for (final ExecutorCommandType type : values())
        {
            BY_CODE[type.code] = type;
        }
    }

    private final int code;
    private final boolean control;

    ExecutorCommandType(final int code, final boolean control)
    {
        this.code = code;
        this.control = control;
    }

    public int code()
    {
        return code;
    }

    /** A control command an admin may send with POST /api/v1/executors/{id}/commands. */
    public boolean isControl()
    {
        return control;
    }

    /** One of seed 004's commands. */
    public boolean isInvestor()
    {
        return this == CONNECT_INVESTOR || this == TEST_CONNECTION || this == SYNC_HISTORY || this == DISCONNECT_INVESTOR;
    }

    public static ExecutorCommandType fromCode(final int code)
    {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** @return the type with this wire name, or null. */
    public static ExecutorCommandType fromName(final String name)
    {
        for (final ExecutorCommandType type : values())
        {
            if (type.name().equals(name))
            {
                return type;
            }
        }
        return null;
    }
}
