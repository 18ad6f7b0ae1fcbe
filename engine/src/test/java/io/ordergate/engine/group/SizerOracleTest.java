package io.ordergate.engine.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.VenueKind;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.account.AccountValues;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.instrument.Instruments;
import io.ordergate.fixed.FixedPoint;

/**
 * Seeded property test of group sizing against the rules of docs/groups-and-webhooks.md computed in BigDecimal: fixed,
 * multiplier, equity_ratio and risk_percent; the raw size truncated to 8 decimals (a risk's money to the cent), rounded
 * down to the lot step, capped at max_quantity, refused below min_quantity; tiny and huge balances, factors and
 * percents. A failure names its seed and case.
 */
class SizerOracleTest
{
    private static final long SEED = 0x67726F7570L;
    private static final int CASES = 20_000;
    private static final int WIRE = 8;
    private static final BigDecimal LARGEST_WIRE_QUANTITY = BigDecimal.valueOf(Long.MAX_VALUE, WIRE);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal FINE_BELOW = new BigDecimal("10000000.00");
    private static final String CONFIG = String.join("\n",
        "instruments:",
        "  - { symbol: EURUSD, digits: 5, pip_size: 0.0001, contract_size: 100000, lot_step: 0.01,",
        "      min_quantity: 0.01, max_quantity: 100, base_currency: EUR, quote_currency: USD }",
        "  - { symbol: BTCUSD, digits: 2, pip_size: 1, contract_size: 1, lot_step: 0.001,",
        "      min_quantity: 0.002, max_quantity: 10, base_currency: BTC, quote_currency: USD }",
        "  - { symbol: XRPUSD, digits: 4, pip_size: 0.0001, contract_size: 1, lot_step: 1,",
        "      min_quantity: 1, max_quantity: 1000000, base_currency: XRP, quote_currency: USD }",
        "  - { symbol: XAUUSD, digits: 2, pip_size: 0.1, contract_size: 100, lot_step: 0.05,",
        "      min_quantity: 0.1, max_quantity: 50, base_currency: XAU, quote_currency: USD }",
        "");

    private final Instruments instruments = new Instruments(ConfigLoader.parse(CONFIG, "sizer").instruments());
    private final Sizer sizer = new Sizer(new AccountValues(instruments));

    @Test
    void everyMembersSizeIsTheDocumentedRuleInBigDecimal()
    {
        final SplittableRandom random = new SplittableRandom(SEED);
        final int[] modes = {GroupBodies.SIZING_FIXED, GroupBodies.SIZING_MULTIPLIER, GroupBodies.SIZING_EQUITY_RATIO,
            GroupBodies.SIZING_RISK_PERCENT};
        final int[] outcomes = new int[3];  // refused, sized below the maximum, capped at it
        for (int i = 0; i < CASES; i++)
        {
            final Instrument instrument = instruments.get(random.nextInt(instruments.count()));
            final int mode = modes[random.nextInt(modes.length)];
            final long balance = magnitude(random, 2);
            final long value = Math.max(1, magnitude(random, WIRE));
            final long signal = Math.max(1, magnitude(random, WIRE));
            final long entry = 1 + random.nextLong((long)Math.pow(10, instrument.priceDigits + 5));
            final long distance = 1 + random.nextLong(Math.max(1, entry / (1 + random.nextInt(1000))));
            final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            final long stop = side == Side.BUY ? entry - distance : entry + distance;
            final String where = "seed " + SEED + " case " + i + ": " + Member.modeName(mode) + " " + instrument.symbol + " balance " + balance
                + " value " + value + " signal " + signal + " entry " + entry + " stop " + stop;

            final Account account = new Account(0, "a", VenueKind.PAPER.code(), "USD", balance, 100, instruments.count(), 1);
            final Member member = new Member(account, mode, value, null, null, new String[instruments.count()]);
            final FanOutChild child = new FanOutChild();
            final long quantity = sizer.size(child, member, instrument, side, GroupBodies.HAS_QUANTITY, signal, OrderView.NONE, 0,
                entry, stop, 0);

            final BigDecimal raw = raw(mode, instrument, balance, value, BigDecimal.valueOf(signal, WIRE), distance);
            final long expected = roundedAndClamped(instrument, raw);
            if (expected == 0)
            {
                assertEquals(ResultCode.SIZE_BELOW_MINIMUM, child.rejectCode, where + ": raw " + raw);
                assertEquals(0, quantity, where);
                outcomes[0]++;
            }
            else
            {
                assertEquals(expected, quantity, where + ": raw " + raw);
                assertEquals(null, child.rejectCode, where);
                outcomes[quantity < instrument.maxQuantity - instrument.maxQuantity % instrument.lotStep ? 1 : 2]++;
            }
        }
        for (final int outcome : outcomes)
        {
            assertTrue(outcome > CASES / 10, () -> "too few of an outcome to prove anything: " + Arrays.toString(outcomes));
        }
    }

    /**
     * A signal of risk_percentage instead of a quantity: each multiplier or equity_ratio member's signal is the size risking
     * that percent of its own equity at the stop, or without a stop the size taking it as margin at the leverage; the
     * group's risk_limit caps a size with a stop at the size risking that percent.
     */
    @Test
    void aRiskPercentageSignalIsSizedPerMemberAndCappedByTheRiskLimit()
    {
        final SplittableRandom random = new SplittableRandom(SEED + 1);
        final int[] outcomes = new int[2];  // refused, sized
        for (int i = 0; i < CASES; i++)
        {
            final Instrument instrument = instruments.get(random.nextInt(instruments.count()));
            final int mode = random.nextBoolean() ? GroupBodies.SIZING_MULTIPLIER : GroupBodies.SIZING_EQUITY_RATIO;
            final long balance = magnitude(random, 2);
            final long value = Math.max(1, magnitude(random, WIRE));
            final long percent = 1 + random.nextLong(100 * FixedPoint.pow10(WIRE));
            final long riskLimit = random.nextBoolean() ? 0 : 1 + random.nextLong(100 * FixedPoint.pow10(WIRE));
            final long leverage = (1 + random.nextInt(random.nextBoolean() ? 10 : 1000)) * FixedPoint.pow10(WIRE);
            final long entry = 1 + random.nextLong((long)Math.pow(10, instrument.priceDigits + 5));
            final boolean withStop = random.nextBoolean();
            final long distance = 1 + random.nextLong(Math.max(1, entry / (1 + random.nextInt(1000))));
            final long stop = withStop ? entry - distance : OrderView.NONE;
            final String where = "seed " + (SEED + 1) + " case " + i + ": " + Member.modeName(mode) + " " + instrument.symbol + " balance "
                + balance + " value " + value + " risk " + percent + " limit " + riskLimit + " leverage " + leverage + " entry " + entry
                + " stop " + stop;

            final Account account = new Account(0, "a", VenueKind.PAPER.code(), "USD", balance, 100, instruments.count(), 1);
            final Member member = new Member(account, mode, value, null, null, new String[instruments.count()]);
            final FanOutChild child = new FanOutChild();
            final long quantity = sizer.size(child, member, instrument, Side.BUY, GroupBodies.HAS_RISK_PERCENT, 0, percent, leverage,
                entry, stop, riskLimit);

            // held to the wire's largest quantity before the member's factor, as the docs say
            final BigDecimal signal = (withStop ? riskSized(instrument, balance, percent, distance)
                : marginSized(instrument, balance, percent, leverage, entry)).min(LARGEST_WIRE_QUANTITY);
            final BigDecimal raw = raw(mode, instrument, balance, value, signal, distance);
            long expected = roundedAndClamped(instrument, raw);
            if (expected > 0 && withStop && riskLimit > 0)
            {
                final BigDecimal cap = riskSized(instrument, balance, riskLimit, distance);
                final BigDecimal step = BigDecimal.valueOf(instrument.lotStep, instrument.quantityDigits);
                final BigDecimal capped = cap.divide(step, 0, RoundingMode.FLOOR).multiply(step).movePointRight(instrument.quantityDigits);
                expected = capped.compareTo(BigDecimal.valueOf(expected)) < 0 ? capped.longValueExact() : expected;
                expected = expected < instrument.minQuantity || expected <= 0 ? 0 : expected;
            }
            final String trace = where + ": signal " + signal + " raw " + raw;
            assertEquals(expected, quantity, trace);
            assertEquals(expected == 0 ? ResultCode.SIZE_BELOW_MINIMUM : null, child.rejectCode, trace);
            outcomes[expected == 0 ? 0 : 1]++;
        }
        assertTrue(outcomes[0] > CASES / 10 && outcomes[1] > CASES / 10, () -> "too few of an outcome: " + Arrays.toString(outcomes));
    }

    /** The property's first find: equity at wire digits passed a long, and rescaling it threw (the group order failed inside). */
    @Test
    void anEquityRatioMemberWithEquityPastNinetyTwoBillionIsSizedExactly()
    {
        final Instrument eurusd = instruments.get(0);
        final Account rich = new Account(0, "rich", VenueKind.PAPER.code(), "USD", 20_000_000_000_000L, 100, instruments.count(), 1);
        // 0.01 lot x 200,000,000,000.00 equity / 50,000,000,000.00 reference = 0.04 lot
        final Member member = new Member(rich, GroupBodies.SIZING_EQUITY_RATIO, 5_000_000_000_000_000_000L, null, null,
            new String[instruments.count()]);
        final FanOutChild child = new FanOutChild();
        assertEquals(4, sizer.size(child, member, eurusd, Side.BUY, GroupBodies.HAS_QUANTITY, 1_000_000, OrderView.NONE, 0,
            OrderView.NONE, OrderView.NONE, 0));
        assertEquals(4_000_000, child.rawQuantity);
        assertEquals(null, child.rejectCode);

        // a signal of 0 there (the one at most 0 that can reach the sizing) is 0, not sized on a capped equity
        final FanOutChild none = new FanOutChild();
        assertEquals(0, sizer.size(none, member, eurusd, Side.BUY, GroupBodies.HAS_QUANTITY, 0, OrderView.NONE, 0,
            OrderView.NONE, OrderView.NONE, 0));
        assertEquals(0, none.rawQuantity);
        assertEquals(ResultCode.SIZE_BELOW_MINIMUM, none.rejectCode);
    }

    /** The second property's find (the docs now say it): a risk-sized signal past the wire is held there before the factor. */
    @Test
    void aRiskSizedSignalPastTheWiresLargestQuantityIsHeldThereBeforeTheMultiplier()
    {
        final Instrument xrpusd = instruments.get(2);
        final Account huge = new Account(0, "huge", VenueKind.PAPER.code(), "USD", 9_223_372_036_854_775_236L, 100, instruments.count(), 1);
        final Member member = new Member(huge, GroupBodies.SIZING_MULTIPLIER, 13, null, null, new String[instruments.count()]);
        final FanOutChild child = new FanOutChild();
        // 92,233,720,368.54775807 x 0.00000013 = 11,990.38 XRP, rounded down to the lot step of 1
        assertEquals(11_990, sizer.size(child, member, xrpusd, Side.BUY, GroupBodies.HAS_RISK_PERCENT, 0, 8_829_923_454L,
            6_500_000_000L, 42_977_937, 42_949_896, 0));
        assertEquals(Long.MAX_VALUE, child.signalQuantity);
    }

    /** The documented raw size in lots (8 decimals, truncated). */
    private static BigDecimal raw(final int mode, final Instrument instrument, final long balance, final long value,
        final BigDecimal signalLots, final long distance)
    {
        final BigDecimal equity = BigDecimal.valueOf(balance, 2);
        final BigDecimal factor = BigDecimal.valueOf(value, WIRE);
        switch (mode)
        {
            case GroupBodies.SIZING_FIXED:
                return factor;
            case GroupBodies.SIZING_MULTIPLIER:
                return signalLots.multiply(factor).setScale(WIRE, RoundingMode.DOWN);
            case GroupBodies.SIZING_EQUITY_RATIO:
                return signalLots.multiply(equity.max(BigDecimal.ZERO)).divide(factor, WIRE, RoundingMode.DOWN);
            default:
                return riskSized(instrument, balance, value, distance);
        }
    }

    /** The size whose loss at the stop is {@code percent}% of equity: the money at risk truncated to the cent, the loss of
     * one lot measured on a million lots when it is under 10,000,000.00; 8 decimals, truncated. */
    private static BigDecimal riskSized(final Instrument instrument, final long balance, final long percent, final long distance)
    {
        if (balance <= 0)
        {
            return BigDecimal.ZERO;
        }
        final BigDecimal risk = BigDecimal.valueOf(balance, 2).multiply(BigDecimal.valueOf(percent, WIRE))
            .divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
        final BigDecimal lossOfOne = BigDecimal.valueOf(distance, instrument.priceDigits).multiply(BigDecimal.valueOf(instrument.contractSize));
        final BigDecimal lots = lossOfOne.setScale(2, RoundingMode.HALF_EVEN).compareTo(FINE_BELOW) < 0 ? MILLION : BigDecimal.ONE;
        final BigDecimal loss = lossOfOne.multiply(lots).setScale(2, RoundingMode.HALF_EVEN);
        return risk.multiply(lots).divide(loss, WIRE, RoundingMode.DOWN);
    }

    /** The size whose margin at {@code leverage} is {@code percent}% of equity: equity × pct ÷ 100 (to the cent, truncated)
     * × leverage ÷ one lot's notional at the entry (measured on a million lots when under 10,000,000.00). */
    private static BigDecimal marginSized(final Instrument instrument, final long balance, final long percent, final long leverage,
        final long entry)
    {
        final BigDecimal margin = BigDecimal.valueOf(balance, 2).max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(percent, WIRE))
            .divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
        final BigDecimal notionalOfOne = BigDecimal.valueOf(entry, instrument.priceDigits).multiply(BigDecimal.valueOf(instrument.contractSize));
        final BigDecimal lots = notionalOfOne.setScale(2, RoundingMode.HALF_EVEN).compareTo(FINE_BELOW) < 0 ? MILLION : BigDecimal.ONE;
        final BigDecimal notional = notionalOfOne.multiply(lots).setScale(2, RoundingMode.HALF_EVEN);
        return margin.multiply(BigDecimal.valueOf(leverage, WIRE)).multiply(lots).divide(notional, WIRE, RoundingMode.DOWN);
    }

    /** Rounded down to the lot step, capped at max_quantity (on the step); 0 when below min_quantity. In instrument units. */
    private static long roundedAndClamped(final Instrument instrument, final BigDecimal rawLots)
    {
        final BigDecimal step = BigDecimal.valueOf(instrument.lotStep, instrument.quantityDigits);
        final BigDecimal max = BigDecimal.valueOf(instrument.maxQuantity, instrument.quantityDigits);
        final BigDecimal onStep = rawLots.divide(step, 0, RoundingMode.FLOOR).multiply(step);
        final BigDecimal capped = onStep.min(max.divide(step, 0, RoundingMode.FLOOR).multiply(step));
        final long units = capped.movePointRight(instrument.quantityDigits).longValueExact();
        return units < instrument.minQuantity || units <= 0 ? 0 : units;
    }

    /** Tiny, ordinary and huge magnitudes (up to Long.MAX_VALUE) at {@code digits}: where rounding and overflow live. */
    private static long magnitude(final SplittableRandom random, final int digits)
    {
        switch (random.nextInt(4))
        {
            case 0:
                return 1 + random.nextInt(1000);
            case 1:
                return Long.MAX_VALUE - random.nextInt(1000);
            case 2:
                return random.nextLong(Long.MAX_VALUE) >> random.nextInt(63);
            default:
                return (1 + random.nextLong(1_000_000)) * (long)Math.pow(10, digits - 2 + random.nextInt(3));
        }
    }
}
