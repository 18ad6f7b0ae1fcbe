package io.ordergate.engine.command;

/** Order or position side. Codes are journaled: never renumber. */
public enum Side
{
    BUY(1, "buy"),
    SELL(2, "sell");

    private final int code;
    private final String wireName;

    Side(final int code, final String wireName)
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

    public Side opposite()
    {
        return this == BUY ? SELL : BUY;
    }

    /** +1 for buy, -1 for sell. */
    public int sign()
    {
        return this == BUY ? 1 : -1;
    }

    public static Side fromCode(final int code)
    {
        return code == 1 ? BUY : code == 2 ? SELL : null;
    }
}
