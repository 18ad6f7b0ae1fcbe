package io.ordergate.engine.account;

import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.instrument.Instruments;

/**
 * An account's unrealized PnL, margin and equity across every position it has: the engine's net positions (paper)
 * and those a venue holds itself (MT5 tickets). Risk, the account view and group sizing all ask here, so they
 * agree. <b>Not thread safe</b>: owned by the engine thread.
 */
public final class AccountValues
{
    /** Positions a venue holds for an account, valued at the current quotes. */
    public interface VenueHoldings
    {
        long unrealized(Account account);

        long marginUsed(Account account);

        /** The gross size of the venue-held open positions of the account in the instrument (instrument digits). */
        default long heldQuantity(final Account account, final Instrument instrument)
        {
            return 0;
        }

        /** True when the venue holds open positions for the account and values every one at the current quotes. */
        default boolean valuesOpenHoldings(final Account account)
        {
            return false;
        }
    }

    private static final VenueHoldings NONE = new VenueHoldings()
    {
        @Override
        public long unrealized(final Account account)
        {
            return 0;
        }

        @Override
        public long marginUsed(final Account account)
        {
            return 0;
        }
    };

    private final Instruments instruments;
    private VenueHoldings venueHoldings = NONE;

    public AccountValues(final Instruments instruments)
    {
        this.instruments = instruments;
    }

    /** Set once while the engine is assembled. */
    public void venueHoldings(final VenueHoldings holdings)
    {
        this.venueHoldings = holdings;
    }

    public long unrealized(final Account account)
    {
        return Valuation.unrealized(account, instruments) + venueHoldings.unrealized(account);
    }

    public long marginUsed(final Account account)
    {
        return Valuation.marginUsed(account, instruments) + venueHoldings.marginUsed(account);
    }

    /** The gross size of the positions a venue holds for the account in the instrument; 0 where the engine holds them. */
    public long heldQuantity(final Account account, final Instrument instrument)
    {
        return venueHoldings.heldQuantity(account, instrument);
    }

    /**
     * Balance plus unrealized PnL. A terminal's own equity (its heartbeat's) stands in only where the gateway cannot
     * value the account's open tickets itself: none open (the terminal may count credit), or one without a quote here.
     */
    public long equity(final Account account)
    {
        return account.venueEquity != Account.NO_VENUE_EQUITY && !venueHoldings.valuesOpenHoldings(account)
            ? account.venueEquity : account.balance + unrealized(account);
    }
}
