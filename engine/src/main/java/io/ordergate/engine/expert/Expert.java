package io.ordergate.engine.expert;

import java.nio.charset.StandardCharsets;

import io.ordergate.engine.account.Account;
import io.ordergate.engine.candle.Timeframe;
import io.ordergate.engine.command.ExpertBodies;
import io.ordergate.engine.instrument.Instrument;

/**
 * One expert (seed 001): a strategy's home on one account, whose defaults size and protect every order it places.
 * Strategy values are at wire digits; a stop default of 0 means none. <b>Not thread safe</b>: engine thread.
 */
final class Expert
{
    static final int INITIALIZED = 0;
    static final int RUNNING = 1;
    static final int STOPPED = 2;
    static final String[] STATUS_NAMES = {"initialized", "running", "stopped"};

    final String id;
    final byte[] idBytes;
    final Account account;
    final String strategyName;
    final String timeframe;
    final long strategyId;
    final long createdMicros;
    final ExpertLog log;
    /** The candles its market data answers by default: its timeframe's, or 1h for a name the gateway keeps none of. */
    final Timeframe candleTimeframe;

    /** The strategy's symbol: orders without one trade it, and its market data is the default. Null when none. */
    Instrument symbol;
    int status = INITIALIZED;
    long updatedMicros;
    long leverage;
    long maxDrawdownPct;
    int sizeType = ExpertBodies.SIZE_FIXED;
    long sizeValue;
    long stopLossPct;
    long takeProfitPct;
    long trailingStopPct;
    /** Seed 001's trading_config, as FuturesSettings codes (UNCHANGED when not given): sent with the leverage to a futures account. */
    int marginMode;
    int positionMode;
    /** The highest equity seen while running, the base of the drawdown; 0 until started. */
    long peakEquity;

    Expert(final String id, final Account account, final String strategyName, final String timeframe, final long strategyId,
        final long createdMicros, final int logCapacity)
    {
        this.id = id;
        this.idBytes = id.getBytes(StandardCharsets.US_ASCII);
        this.account = account;
        this.strategyName = strategyName;
        this.timeframe = timeframe;
        this.strategyId = strategyId;
        this.createdMicros = createdMicros;
        this.updatedMicros = createdMicros;
        this.log = new ExpertLog(logCapacity);
        final Timeframe named = Timeframe.fromName(timeframe);
        this.candleTimeframe = named != null ? named : Timeframe.H1;
    }

    boolean isRunning()
    {
        return status == RUNNING;
    }

    String statusName()
    {
        return STATUS_NAMES[status];
    }

    /** The fingerprint of what replay must rebuild exactly. */
    long digest()
    {
        long h = id.hashCode();
        h = h * 31 + account.index;
        h = h * 31 + status;
        h = h * 31 + leverage;
        h = h * 31 + maxDrawdownPct;
        h = h * 31 + sizeType;
        h = h * 31 + sizeValue;
        h = h * 31 + stopLossPct;
        h = h * 31 + takeProfitPct;
        h = h * 31 + trailingStopPct;
        h = h * 31 + peakEquity;
        h = h * 31 + marginMode * 3L + positionMode;
        h = h * 31 + (symbol == null ? -1 : symbol.index);
        return h * 31 + log.digest();
    }
}
