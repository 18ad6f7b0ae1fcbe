package io.ordergate.engine.command;

/** Order type. Codes are journaled: never renumber. */
public enum OrderType
{
    MARKET(1, "market"),
    LIMIT(2, "limit"),
    STOP(3, "stop");

    private final int code;
    private final String wireName;

    OrderType(final int code, final String wireName)
    {
        this.code = code;
        this.wireName = wireName;
    }

    public int code()
    {
        return code;
    }

    public String wireName()
    {
        return wireName;
    }

    public static OrderType fromCode(final int code)
    {
        switch (code)
        {
            case 1: return MARKET;
            case 2: return LIMIT;
            case 3: return STOP;
            default: return null;
        }
    }
}
