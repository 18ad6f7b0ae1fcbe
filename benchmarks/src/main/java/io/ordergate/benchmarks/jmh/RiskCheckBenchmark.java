package io.ordergate.benchmarks.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.ordergate.config.GatewayConfig;
import io.ordergate.config.VenueKind;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.account.AccountValues;
import io.ordergate.engine.account.RiskLimits;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.instrument.Instruments;
import io.ordergate.engine.risk.RiskCheck;

/**
 * {@link RiskCheck#check} alone, with every limit of the account set, for an order that passes them all (the
 * longest path: each check runs, none short-circuits with a rejection).
 *
 * <pre>
 *   order (BUY 0.01 EURUSD, market at the ask / limit at the ask)
 *     -> status -> quote -> throttle -> max order qty -> max notional -> price collar (limit only)
 *     -> max position -> max open orders (limit only) -> daily loss -> margin  ==> null (passes)
 * </pre>
 *
 * The clock advances 10 ms per call, so the per-second throttle (limit 1,000/s) never trips.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RiskCheckBenchmark extends ForkedWithChronicleFlags
{
    private static final long WIRE_UNIT = 100_000_000L;
    private static final long MONEY_UNIT = 100L;
    private static final long TEN_MILLIS = 10_000L;

    @Param({"MARKET", "LIMIT"})
    public OrderType type;

    private RiskCheck riskCheck;
    private Account account;
    private Instrument instrument;
    private long quantity;
    private long referencePrice;
    private long timeMicros;

    @Setup(Level.Trial)
    public void setUp()
    {
        final GatewayConfig config = OrderCommands.config(null, null);
        final Instruments instruments = new Instruments(config.instruments());
        instrument = instruments.find(OrderCommands.SYMBOL);
        instrument.bid = 108_420L;
        instrument.ask = 108_420L;
        account = new Account(0, OrderCommands.ACCOUNT, VenueKind.PAPER.code(), "USD", 100_000L * MONEY_UNIT, 100,
            instruments.count(), OrderCommands.WALL_MICROS);
        final RiskLimits limits = account.risk;
        limits.maxOrderQuantity = 5 * WIRE_UNIT;
        limits.maxPositionQuantity = 10 * WIRE_UNIT;
        limits.maxOpenOrders = 50;
        limits.maxOrdersPerSecond = 1_000;
        limits.maxNotional = 1_000_000L * MONEY_UNIT;
        limits.priceCollarPct = 5 * WIRE_UNIT;
        limits.maxDailyLoss = 2_000L * MONEY_UNIT;
        riskCheck = new RiskCheck(new AccountValues(instruments));
        quantity = 1;  // 0.01 lot at the instrument's 2 quantity digits
        referencePrice = instrument.ask;
        timeMicros = OrderCommands.WALL_MICROS;
        final ResultCode first = riskCheck.check(account, instrument, Side.BUY, type, quantity, referencePrice, referencePrice, timeMicros);
        if (first != null || instrument.quantityDigits != 2)
        {
            throw new IllegalStateException("the benchmark order must pass every check, but got " + first +
                " (quantity digits " + instrument.quantityDigits + ")");
        }
    }

    @TearDown(Level.Trial)
    public void checkStillPassing()
    {
        final ResultCode last = checkWithAllLimitsSet();
        if (last != null)
        {
            throw new IllegalStateException("the benchmark order drifted into a rejection: " + last);
        }
    }

    @Benchmark
    public ResultCode checkWithAllLimitsSet()
    {
        timeMicros += TEN_MILLIS;
        return riskCheck.check(account, instrument, Side.BUY, type, quantity, referencePrice, referencePrice, timeMicros);
    }
}
