package io.ordergate.gateway.performance;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.agrona.concurrent.UnsafeBuffer;

import io.ordergate.engine.view.JsonWriter;
import io.ordergate.fixed.Money;

/** Writes a {@link PerformanceLedger}'s figures. Stateless. */
final class PerformanceJson
{
    private PerformanceJson()
    {
    }

    /** The figures' members (no braces): every metric of API.md "Performance", then the series. */
    static void metrics(final JsonWriter json, final PerformanceLedger ledger, final boolean series)
    {
        money(json.name("realized_pnl"), ledger.realized);
        money(json.name("fees"), ledger.fees);
        money(json.name("net_pnl"), ledger.netPnl());
        money(json.name("unrealized_pnl"), ledger.unrealized);
        json.name("unrealized_counted").bool(ledger.openEnded);
        money(json.name("total_pnl"), ledger.netPnl().add(ledger.unrealizedCounted));
        money(json.name("deposits"), ledger.deposits);
        money(json.name("withdrawals"), ledger.withdrawals);
        money(json.name("starting_equity"), ledger.startingEquity);
        money(json.name("balance"), ledger.balance);
        money(json.name("equity"), ledger.balance.add(ledger.unrealized));
        ratio(json.name("return_pct"), ledger.returnPct());
        ratio(json.name("max_drawdown_pct"), ledger.maxDrawdownPct);
        ratio(json.name("win_rate"), ledger.winRate());
        ratio(json.name("profit_factor"), ledger.profitFactor());
        json.name("trades").number(ledger.trips).name("wins").number(ledger.wins).name("losses").number(ledger.losses)
            .name("fills").number(ledger.fills);
        money(json.name("gross_profit"), ledger.grossProfit);
        money(json.name("gross_loss"), ledger.grossLoss);
        if (series)
        {
            series(json, "daily", ledger.daily);
            series(json, "weekly", ledger.weekly);
            series(json, "monthly", ledger.monthly);
        }
    }

    /** {@code "name": {"2026-12-01": {"realized_pnl", "fills", "trades"}, ...}}, oldest first. */
    static void series(final JsonWriter json, final String name, final Map<String, PerformanceLedger.Period> periods)
    {
        json.name(name).startObject();
        for (final Map.Entry<String, PerformanceLedger.Period> entry : periods.entrySet())
        {
            json.name(entry.getKey()).startObject();
            period(json, entry.getValue());
            json.endObject();
        }
        json.endObject();
    }

    /** {@code [{"period", "realized_pnl", "fills", "trades"}, ...]}, oldest first. */
    static void history(final JsonWriter json, final Map<String, PerformanceLedger.Period> periods)
    {
        json.startArray();
        for (final Map.Entry<String, PerformanceLedger.Period> entry : periods.entrySet())
        {
            json.startObject().name("period").string(entry.getKey());
            period(json, entry.getValue());
            json.endObject();
        }
        json.endArray();
    }

    private static void period(final JsonWriter json, final PerformanceLedger.Period period)
    {
        json.name("realized_pnl").decimal(period.realized, Money.DIGITS);
        json.name("fees").decimal(period.fees, Money.DIGITS);
        json.name("net_pnl").decimal(period.realized - period.fees, Money.DIGITS);
        json.name("fills").number(period.fills).name("trades").number(period.trips);
    }

    static void money(final JsonWriter json, final BigDecimal value)
    {
        exact(json, value, Money.DIGITS);
    }

    static void ratio(final JsonWriter json, final BigDecimal value)
    {
        if (value == null)
        {
            json.nullValue();
            return;
        }
        exact(json, value, PerformanceLedger.RATIO_SCALE);
    }

    /**
     * The value at {@code digits}, half-even; past a long there (a return of billions of percent on a deposit of a
     * cent) as its exact plain text, where the read answered 500 before 2026-12-06. A read, off the engine thread.
     */
    private static void exact(final JsonWriter json, final BigDecimal value, final int digits)
    {
        final BigDecimal scaled = value.setScale(digits, RoundingMode.HALF_EVEN);
        final BigInteger unscaled = scaled.unscaledValue();
        if (unscaled.bitLength() < Long.SIZE)
        {
            json.decimal(unscaled.longValue(), digits);
            return;
        }
        final byte[] text = scaled.stripTrailingZeros().toPlainString().getBytes(StandardCharsets.US_ASCII);
        json.raw(new UnsafeBuffer(text), 0, text.length);
    }
}
