package io.ordergate.engine.group;

import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.GroupBodies;

/**
 * One account in a group (or connected to a bot): how its child orders are sized and what its venue calls each
 * instrument. Made on admin paths; read by the fan-out. <b>Not thread safe</b>: owned by the engine thread.
 */
public final class Member
{
    public final Account account;
    /** {@link GroupBodies}'s SIZING_* (never SIZING_DEFAULT). */
    public final int mode;
    /** Lots (fixed), a factor (multiplier), a percent of equity (risk_percent) or a reference equity (equity_ratio); wire digits. */
    public final long value;
    public final String symbolSuffix;
    /** The symbol map as given, in request order, for answers: pairs of gateway symbol and venue symbol. */
    public final String[][] symbolMap;
    /** Per instrument index, the venue's symbol, or null when it is the instrument's own (made once, so no order allocates). */
    final String[] venueSymbols;

    public Member(final Account account, final int mode, final long value, final String symbolSuffix, final String[][] symbolMap,
        final String[] venueSymbols)
    {
        this.account = account;
        this.mode = mode;
        this.value = value;
        this.symbolSuffix = symbolSuffix;
        this.symbolMap = symbolMap;
        this.venueSymbols = venueSymbols;
    }

    /** The venue's name for an instrument, or null when it is the instrument's own symbol. */
    public String venueSymbol(final int instrumentIndex)
    {
        return venueSymbols[instrumentIndex];
    }

    public static String modeName(final int mode)
    {
        switch (mode)
        {
            case GroupBodies.SIZING_FIXED: return "fixed";
            case GroupBodies.SIZING_MULTIPLIER: return "multiplier";
            case GroupBodies.SIZING_RISK_PERCENT: return "risk_percent";
            case GroupBodies.SIZING_EQUITY_RATIO: return "equity_ratio";
            default: return null;
        }
    }
}
