package io.ordergate.engine.command;

/** Time in force. Codes are journaled: never renumber. */
public enum TimeInForce
{
    GTC(1, "gtc"),
    IOC(2, "ioc"),
    FOK(3, "fok");

    private final int code;
    private final String wireName;

    TimeInForce(final int code, final String wireName)
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

    public static TimeInForce fromCode(final int code)
    {
        switch (code)
        {
            case 1: return GTC;
            case 2: return IOC;
            case 3: return FOK;
            default: return null;
        }
    }
}
