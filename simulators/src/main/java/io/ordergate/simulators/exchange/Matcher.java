package io.ordergate.simulators.exchange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated exchange's matching against the quotes it is given: what an order locks of its account, when it
 * fills and at what price, partial and late fills, and the user-data events every change sends. No order book of
 * other traders: a buy fills at the ask, a sell at the bid, a limit order when the quote crosses it.
 * <b>Not thread safe</b>: called only under the {@link SpotMarket}'s lock.
 */
final class Matcher
{
    private final UserStreams streams;
    private final Faults faults;
    private long nextTradeId = 1;
    /** The taker commission, a fraction of what a fill brings in (base for a buy, quote for a sell, as Binance charges). */
    private volatile BigDecimal commissionRate = BigDecimal.ZERO;

    Matcher(final UserStreams streams, final Faults faults)
    {
        this.streams = streams;
        this.faults = faults;
    }

    void commissionRate(final BigDecimal rate)
    {
        commissionRate = rate;
    }

    /** The amount an order must lock (quote asset for a buy, base for a sell), at the price it would pay. */
    static BigDecimal lockAmount(final NewOrderRequest request, final BigDecimal[] quote)
    {
        if ("SELL".equals(request.side()))
        {
            return request.quantity();
        }
        final BigDecimal price;
        if (request.price().signum() > 0)
        {
            price = request.price();
        }
        else if (request.stopPrice().signum() > 0)
        {
            price = request.stopPrice();
        }
        else
        {
            price = quote[1];
        }
        return request.quantity().multiply(price);
    }

    static boolean marketable(final SpotOrder order, final BigDecimal[] quote)
    {
        if (quote == null)
        {
            return false;
        }
        if (order.marketOnTrigger())
        {
            return true;
        }
        return order.buy() ? quote[1].compareTo(order.price) <= 0 : quote[0].compareTo(order.price) >= 0;
    }

    /** Whether a stop order's trigger is reached by the quote (stop-loss above the market for a buy, below for a sell). */
    static boolean triggerReached(final String type, final boolean buy, final BigDecimal stopPrice, final BigDecimal[] quote)
    {
        if (quote == null)
        {
            return false;
        }
        final boolean stopLoss = type.startsWith("STOP_LOSS");
        final BigDecimal reference = buy ? quote[1] : quote[0];
        final int cmp = reference.compareTo(stopPrice);
        return stopLoss == buy ? cmp >= 0 : cmp <= 0;
    }

    void lock(final SpotOrder order, final BigDecimal amount)
    {
        final SpotAccount.Balance balance = order.account.balance(lockedAsset(order));
        balance.free = balance.free.subtract(amount);
        balance.locked = balance.locked.add(amount);
        order.locked = amount;
    }

    /** Sends the NEW report and the balance change of a just-placed order. */
    void announce(final SpotOrder order, final long now)
    {
        streams.push(order.account, SpotAnswers.executionReport(order, "NEW", now, BigDecimal.ZERO, BigDecimal.ZERO, -1, null));
        streams.push(order.account, SpotAnswers.accountPosition(order.account, now, List.of(lockedAsset(order))));
    }

    /**
     * Fills what can fill now: all of it, or (with the partial or late fill faults, for orders that may wait) the
     * first part now or nothing now, the rest scheduled by the caller. Returns the fills made now.
     */
    List<SpotAnswers.Fill> match(final SpotOrder order, final BigDecimal[] quote, final long now)
    {
        final List<SpotAnswers.Fill> fills = new ArrayList<>();
        if (!order.open() || order.fillScheduled || !marketable(order, quote))
        {
            return fills;
        }
        if (mayWait(order) && (faults.lateFillMillis() > 0 || faults.fillParts() > 1))
        {
            order.fillScheduled = true;
            return fills;
        }
        fills.add(fill(order, order.remaining(), price(order, quote), now));
        return fills;
    }

    /**
     * The quantity of one scheduled part of a late, partial fill (spot and futures alike): {@code 1/partsLeft} of what
     * remains, rounded down to the lot step but at least one step (or what remains); the last part is all of it.
     */
    static BigDecimal partQuantity(final BigDecimal remaining, final BigDecimal step, final int partsLeft)
    {
        if (partsLeft <= 1)
        {
            return remaining;
        }
        final BigDecimal part = remaining.divide(step, 0, RoundingMode.DOWN).divide(BigDecimal.valueOf(partsLeft), 0, RoundingMode.DOWN)
            .multiply(step);
        return part.signum() > 0 ? part : step.min(remaining);
    }

    /** One scheduled part: {@code 1/partsLeft} of what remains (rounded down to the lot step, the last part all of it). */
    void fillPart(final SpotOrder order, final int partsLeft, final BigDecimal[] quote, final long now)
    {
        if (!order.open())
        {
            return;
        }
        final BigDecimal quantity = partQuantity(order.remaining(), order.rules.stepSize(), partsLeft);
        final BigDecimal price = quote == null || !marketable(order, quote) ? (order.price.signum() > 0 ? order.price : null) : price(order, quote);
        if (price != null)
        {
            fill(order, quantity, price, now);
        }
    }

    /** Expires what an IOC or FOK (or a market order) could not fill now. */
    void expireRest(final SpotOrder order, final long now)
    {
        if (order.open() && !order.fillScheduled && (order.marketOnTrigger() || "IOC".equals(order.timeInForce) || "FOK".equals(order.timeInForce)))
        {
            finish(order, "EXPIRED", now);
            streams.push(order.account, SpotAnswers.executionReport(order, "EXPIRED", now, BigDecimal.ZERO, BigDecimal.ZERO, -1, null));
        }
    }

    void cancel(final SpotOrder order, final String cancelClientOrderId, final long now)
    {
        finish(order, "CANCELED", now);
        streams.push(order.account, SpotAnswers.executionReport(order, "CANCELED", now, BigDecimal.ZERO, BigDecimal.ZERO, -1, cancelClientOrderId));
        streams.push(order.account, SpotAnswers.accountPosition(order.account, now, List.of(lockedAsset(order))));
    }

    private static boolean mayWait(final SpotOrder order)
    {
        return !"IOC".equals(order.timeInForce) && !"FOK".equals(order.timeInForce);
    }

    private static BigDecimal price(final SpotOrder order, final BigDecimal[] quote)
    {
        return order.buy() ? quote[1] : quote[0];
    }

    private SpotAnswers.Fill fill(final SpotOrder order, final BigDecimal quantity, final BigDecimal price, final long now)
    {
        final SpotAccount account = order.account;
        final String base = order.rules.baseAsset();
        final String quoteAsset = order.rules.quoteAsset();
        final BigDecimal notional = quantity.multiply(price);
        final BigDecimal commission = (order.buy() ? quantity : notional).multiply(commissionRate).stripTrailingZeros();
        if (order.buy())
        {
            final BigDecimal fromLock = notional.min(order.locked);
            final SpotAccount.Balance quoteBalance = account.balance(quoteAsset);
            quoteBalance.locked = quoteBalance.locked.subtract(fromLock);
            quoteBalance.free = quoteBalance.free.subtract(notional.subtract(fromLock));
            order.locked = order.locked.subtract(fromLock);
            account.balance(base).free = account.balance(base).free.add(quantity).subtract(commission);
        }
        else
        {
            final SpotAccount.Balance baseBalance = account.balance(base);
            baseBalance.locked = baseBalance.locked.subtract(quantity);
            order.locked = order.locked.subtract(quantity);
            account.balance(quoteAsset).free = account.balance(quoteAsset).free.add(notional).subtract(commission);
        }
        order.executedQty = order.executedQty.add(quantity);
        order.cummulativeQuoteQty = order.cummulativeQuoteQty.add(notional);
        order.commission = order.commission.add(commission);
        order.commissionAsset = order.buy() ? base : quoteAsset;
        final long tradeId = nextTradeId++;
        if (order.remaining().signum() == 0)
        {
            finish(order, "FILLED", now);
        }
        else
        {
            order.status = "PARTIALLY_FILLED";
            order.updateTime = now;
        }
        account.updateTime = now;
        final SpotAnswers.Fill fill = new SpotAnswers.Fill(price, quantity, commission, order.buy() ? base : quoteAsset, tradeId);
        order.trades.add(new SpotAnswers.AccountTrade(order, fill, now));
        streams.push(account, SpotAnswers.executionReport(order, "TRADE", now, quantity, price, tradeId, null, commission));
        streams.push(account, SpotAnswers.accountPosition(account, now, List.of(base, quoteAsset)));
        return fill;
    }

    /** Ends an order: its status, and what it still locks back to free. */
    private static void finish(final SpotOrder order, final String status, final long now)
    {
        order.status = status;
        order.updateTime = now;
        order.fillScheduled = false;
        if (order.locked.signum() != 0)
        {
            final SpotAccount.Balance balance = order.account.balance(lockedAsset(order));
            balance.locked = balance.locked.subtract(order.locked);
            balance.free = balance.free.add(order.locked);
            order.locked = BigDecimal.ZERO;
        }
    }

    private static String lockedAsset(final SpotOrder order)
    {
        return order.buy() ? order.rules.quoteAsset() : order.rules.baseAsset();
    }
}
