package io.ordergate.engine.account;

import java.nio.charset.StandardCharsets;

import io.ordergate.config.VenueKind;

import io.ordergate.engine.position.Position;

/**
 * One trading account: its money, limits, counters, and its positions (one net slot per instrument, or a hedging
 * account's own list).
 * <b>Not thread safe</b>: owned by the engine thread.
 */
public final class Account
{
    public static final long NO_VENUE_EQUITY = Long.MIN_VALUE;

    public final int index;
    public final String id;
    public final byte[] idBytes;
    /** The venue kind's code ({@link VenueKind#code()}): the engine routes the account's orders to that kind's venue. */
    public final int venue;
    public final String currency;
    public final int leverage;
    public final long createdAtMicros;
    public final RiskLimits risk = new RiskLimits();
    /** The net position in each instrument (netting); flat on a hedging account, whose positions are the list below. */
    public final Position[] positions;
    /**
     * {@code position_mode}: false for netting (one position per instrument, the paper default), true for hedging
     * (each fill that opens is its own position with its own stops, and a close names the position).
     */
    public boolean hedging;
    /**
     * {@code fee_rate}: the paper venue's fee on each fill, a fraction of its notional at wire digits (10,000 is
     * 0.0001 = 1 basis point); 0 charges nothing. Set when the account is made (journaled with it).
     */
    public long feeRate;
    /** A hedging account's open positions in opening order (linked through {@link Position#nextHedge()}), or null. */
    public Position firstHedge;
    public Position lastHedge;

    public AccountStatus status = AccountStatus.ACTIVE;
    /** Cash balance in money units; moves only by realized PnL (and venue reports for MT5). */
    public long balance;
    public long realizedPnl;
    public int openOrders;
    public int openPositions;
    /**
     * Equity as the venue last reported it (an MT5 terminal's heartbeat), in money units, or {@link #NO_VENUE_EQUITY}
     * to compute it from the gateway's own positions.
     */
    public long venueEquity = NO_VENUE_EQUITY;

    /** The second (epoch) the throttle counts in, and how many orders it has counted there. */
    public long throttleSecond;
    public long throttleCount;
    /** The UTC day (epoch days) the daily loss counts in, and the realized PnL of that day. */
    public long lossDay;
    public long dailyRealizedPnl;
    /** Owned by {@code change.Changes}: the command in which the account was last noted as changed. */
    public long changeStamp;

    public Account(
        final int index, final String id, final int venue, final String currency, final long balance, final int leverage,
        final int instrumentCount, final long createdAtMicros)
    {
        this.index = index;
        this.id = id;
        this.idBytes = id.getBytes(StandardCharsets.UTF_8);
        this.venue = venue;
        this.currency = currency;
        this.balance = balance;
        this.leverage = leverage;
        this.createdAtMicros = createdAtMicros;
        this.positions = new Position[instrumentCount];
        for (int i = 0; i < instrumentCount; i++)
        {
            positions[i] = new Position(index, i);
        }
    }

    public String positionModeName()
    {
        return hedging ? "hedging" : "netting";
    }

    public String venueName()
    {
        return VenueKind.fromCode(venue).configName();
    }
}
