package io.ordergate.engine.account;

import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.instrument.Instruments;
import io.ordergate.engine.position.Position;

/**
 * An account's unrealized PnL, margin and equity across every position it has: the engine's net positions (paper,
 * exchanges) and those a venue holds itself (MT5 tickets). Risk, the account and position views and group sizing all
 * ask here, so they agree. The engine's positions hold margin at the leverage their venue holds them at ({@link
 * PositionLeverage}: a futures symbol's, which can differ from the account's own). <b>Not thread safe</b>: owned by
 * the engine thread; allocates nothing.
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

    /**
     * The leverage the venue holds an account's positions in an instrument at: a futures exchange account's leverage for
     * the symbol, else the account's own. Must answer from replayed state only (risk decides with it).
     */
    @FunctionalInterface
    public interface PositionLeverage
    {
        int positionLeverage(Account account, Instrument instrument);
    }

    private static final PositionLeverage ACCOUNTS_OWN = (account, instrument) -> account.leverage;

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
    private PositionLeverage positionLeverage = ACCOUNTS_OWN;

    public AccountValues(final Instruments instruments)
    {
        this.instruments = instruments;
    }

    /** Set once while the engine is assembled. */
    public void venueHoldings(final VenueHoldings holdings)
    {
        this.venueHoldings = holdings;
    }

    /** Set once while the engine is assembled. */
    public void positionLeverage(final PositionLeverage leverage)
    {
        this.positionLeverage = leverage;
    }

    /** The leverage the account's positions in the instrument are margined at (see {@link PositionLeverage}). */
    public int leverage(final Account account, final Instrument instrument)
    {
        return positionLeverage.positionLeverage(account, instrument);
    }

    /** Margin {@code quantity} of the instrument at {@code price} holds, at the leverage of the account's positions in it. */
    public long margin(final Account account, final Instrument instrument, final long quantity, final long price)
    {
        return Valuation.margin(account, instrument, quantity, price, leverage(account, instrument));
    }

    /** Margin an open engine position holds at its mark (its open price when unpriced). */
    public long margin(final Account account, final Instrument instrument, final Position position)
    {
        return margin(account, instrument, position.quantity, Valuation.mark(instrument, position));
    }

    public long unrealized(final Account account)
    {
        return Valuation.unrealized(account, instruments) + venueHoldings.unrealized(account);
    }

    public long marginUsed(final Account account)
    {
        long total = 0;
        for (int i = 0; i < instruments.count(); i++)
        {
            final Position position = account.positions[i];
            if (position.isOpen())
            {
                total += margin(account, instruments.get(i), position);
            }
        }
        for (Position hedge = account.firstHedge; hedge != null; hedge = hedge.nextHedge())
        {
            total += margin(account, instruments.get(hedge.instrumentIndex), hedge);
        }
        return total + venueHoldings.marginUsed(account);
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
