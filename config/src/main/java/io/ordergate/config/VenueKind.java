package io.ordergate.config;

/**
 * Where an account's orders are executed: its name in configuration and the API, and its code in the journal.
 * The engine finds an account's venue by this kind (a venue plugs in for a kind); a new venue is one more constant
 * here. Immutable: safe from any thread.
 */
public enum VenueKind
{
    /** The embedded paper venue: fills against the current quote. */
    PAPER(1, "paper"),
    /** A MetaTrader 5 terminal, through an executor. */
    MT5(2, "mt5"),
    /** A crypto exchange speaking the Binance dialect, through the exchange connector (issue 11). */
    BINANCE(3, "binance"),
    /** A crypto exchange speaking the OKX v5 dialect, through the same exchange connector (issue 11, second dialect). */
    OKX(4, "okx");

    /** One past the largest code, for tables indexed by code. */
    public static final int CODE_LIMIT;

    private static final VenueKind[] BY_CODE;

    static
    {
        int limit = 0;
        for (final VenueKind kind : values())
        {
            limit = Math.max(limit, kind.code + 1);
        }
        CODE_LIMIT = limit;
        BY_CODE = new VenueKind[limit];
        for (final VenueKind kind : values())
        {
            BY_CODE[kind.code] = kind;
        }
    }

    private final int code;
    private final String configName;

    VenueKind(final int code, final String configName)
    {
        this.code = code;
        this.configName = configName;
    }

    /** The code CREATE_ACCOUNT journals and {@code Account.venue} holds: never renumber. */
    public int code()
    {
        return code;
    }

    /** The name in configuration and in API answers: "paper" or "mt5". */
    public String configName()
    {
        return configName;
    }

    /** @return the kind with this code, or null. Allocates nothing. */
    public static VenueKind fromCode(final int code)
    {
        return code > 0 && code < CODE_LIMIT ? BY_CODE[code] : null;
    }

    static VenueKind fromConfigName(final String text)
    {
        for (final VenueKind kind : values())
        {
            if (kind.configName.equals(text))
            {
                return kind;
            }
        }
        return null;
    }

    /** A crypto exchange reached through the exchange connector (an account with credentials): binance or okx. */
    public boolean exchange()
    {
        return this == BINANCE || this == OKX;
    }

    /** Whether the venue code is an exchange's ({@link #exchange}); false for a code no venue has. */
    public static boolean exchange(final int code)
    {
        final VenueKind kind = fromCode(code);
        return kind != null && kind.exchange();
    }
}
