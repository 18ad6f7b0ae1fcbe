package io.ordergate.simulators.exchange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The USDⓈ-M futures side of the simulated exchange: orders placed, asked for and cancelled by client order id, matched
 * against the same quotes as spot (a buy at the ask, a sell at the bid, a resting limit when the quote crosses it, a stop
 * when the quote reaches it), positions one-way or hedged as the account's {@code dualSidePosition} says, margin checked
 * at the symbol's leverage (-2019), closes checked against the position (-2022), and every change sent on the futures
 * user-data stream ({@code ORDER_TRADE_UPDATE}, {@code ACCOUNT_UPDATE}). Everything runs under the {@link SpotMarket}'s
 * lock (one lock for the whole exchange: the futures settings live on the same accounts). Thread safe.
 */
final class FuturesMarket
{
    static final int DEFAULT_LEVERAGE = 20;

    private final SpotMarket spot;
    private final UserStreams streams;
    private final Faults faults;
    private final List<FuturesOrder> orders = new ArrayList<>();
    private long nextOrderId = 8_000_000;
    private long nextTradeId = 1;

    /** The taker commission of every fill from now on, a fraction of its notional in USDT (0 by default; the wallet is not charged). */
    private volatile BigDecimal commissionRate = BigDecimal.ZERO;

    FuturesMarket(final SpotMarket spot, final UserStreams streams, final Faults faults)
    {
        this.spot = spot;
        this.streams = streams;
        this.faults = faults;
    }

    void commissionRate(final BigDecimal rate)
    {
        commissionRate = rate;
    }

    FuturesOrder place(final SpotAccount account, final Params params)
    {
        synchronized (spot)
        {
            final FuturesOrderRequest request = FuturesOrderRequest.read(params, account.dualSidePosition);
            final SymbolRules rules = spot.rules(request.symbol());
            rules.checkQuantity(request.quantity());
            if (request.price().signum() > 0)
            {
                rules.checkPrice(request.price());
            }
            if (request.stopPrice().signum() > 0)
            {
                rules.checkPrice(request.stopPrice());
            }
            final BigDecimal[] quote = spot.quote(rules.symbol());
            final BigDecimal reference = request.price().signum() > 0 ? request.price() : request.stopPrice().signum() > 0 ? request.stopPrice()
                : quote == null ? null : "BUY".equals(request.side()) ? quote[1] : quote[0];
            if (reference == null)
            {
                throw ExchangeError.badRequest(-4131, "The counterparty's best price does not meet the PERCENT_PRICE filter limit.");
            }
            for (final FuturesOrder other : orders)
            {
                if (other.account == account && other.open() && other.request.clientOrderId().equals(request.clientOrderId()))
                {
                    throw ExchangeError.badRequest(-4116, "ClientOrderId is duplicated.");
                }
            }
            if (request.closes())
            {
                checkCloses(account, request);
            }
            else
            {
                if (reference.multiply(request.quantity()).compareTo(rules.minNotional()) < 0)
                {
                    throw ExchangeError.badRequest(-4164, "Order's notional must be no smaller than " + rules.minNotional().stripTrailingZeros()
                        .toPlainString() + " (unless you choose reduce only).");
                }
                final BigDecimal needed = margin(account, rules.symbol(), request.quantity(), reference);
                final BigDecimal available = account.futures.wallet.subtract(account.futures.positionMargin(account.leverage))
                    .subtract(openOrderMargin(account));
                if (needed.compareTo(available) > 0)
                {
                    throw ExchangeError.badRequest(-2019, "Margin is insufficient.");
                }
            }
            if (request.isStopType() && Matcher.triggerReached(request.type().startsWith("STOP") ? "STOP_LOSS" : "TAKE_PROFIT",
                "BUY".equals(request.side()), request.stopPrice(), quote))
            {
                throw ExchangeError.badRequest(-2021, "Order would immediately trigger.");
            }
            final long now = spot.now();
            final FuturesOrder order = new FuturesOrder(account, rules, nextOrderId++, request, now, now + faults.hideNewOrdersMillis());
            orders.add(order);
            streams.pushFutures(account, FuturesAnswers.orderTradeUpdate(order, "NEW", now, BigDecimal.ZERO, BigDecimal.ZERO, -1,
                BigDecimal.ZERO, BigDecimal.ZERO));
            if (!order.isStop())
            {
                match(order, quote, now);
            }
            return order;
        }
    }

    /** A close may not be larger than what the side holds (one-way reduceOnly: nor on the wrong side). */
    private static void checkCloses(final SpotAccount account, final FuturesOrderRequest request)
    {
        final BigDecimal held = account.futures.amount(request.symbol(), request.positionSide());
        final boolean fits;
        if ("BOTH".equals(request.positionSide()))
        {
            fits = ("BUY".equals(request.side()) ? held.signum() < 0 : held.signum() > 0) && request.quantity().compareTo(held.abs()) <= 0;
        }
        else
        {
            fits = request.quantity().compareTo(held) <= 0;
        }
        if (!fits)
        {
            throw ExchangeError.badRequest(-2022, "ReduceOnly Order is rejected.");
        }
    }

    private static BigDecimal margin(final SpotAccount account, final String symbol, final BigDecimal quantity, final BigDecimal price)
    {
        return quantity.multiply(price).divide(BigDecimal.valueOf(account.leverage.getOrDefault(symbol, DEFAULT_LEVERAGE)), SymbolRules.PRECISION,
            RoundingMode.UP);
    }

    /** The margin the account's open opening orders hold. */
    BigDecimal openOrderMargin(final SpotAccount account)
    {
        synchronized (spot)
        {
            BigDecimal held = BigDecimal.ZERO;
            for (final FuturesOrder o : orders)
            {
                if (o.account == account && o.open() && !o.request.closes())
                {
                    final BigDecimal price = o.request.price().signum() > 0 ? o.request.price() : o.request.stopPrice();
                    held = held.add(margin(account, o.rules.symbol(), o.remaining(), price));
                }
            }
            return held;
        }
    }

    /** {@code GET /fapi/v1/order}: by order id or client order id; -2013 while the not-found fault hides it. */
    FuturesOrder find(final SpotAccount account, final String symbol, final long orderId, final String clientOrderId)
    {
        synchronized (spot)
        {
            spot.rules(symbol);
            final FuturesOrder order = lookup(account, symbol, orderId, clientOrderId);
            if (order == null || spot.now() < order.visibleFrom)
            {
                throw ExchangeError.noSuchOrder();
            }
            return order;
        }
    }

    /** {@code DELETE /fapi/v1/order}: -2011 for an order it does not have or that is done. */
    FuturesOrder cancel(final SpotAccount account, final String symbol, final long orderId, final String clientOrderId)
    {
        synchronized (spot)
        {
            spot.rules(symbol);
            final FuturesOrder order = lookup(account, symbol, orderId, clientOrderId);
            if (order == null || !order.open())
            {
                throw ExchangeError.cancelRejected();
            }
            finish(order, "CANCELED", spot.now());
            return order;
        }
    }

    List<FuturesOrder> openOrders(final SpotAccount account, final String symbol)
    {
        synchronized (spot)
        {
            final List<FuturesOrder> open = new ArrayList<>();
            for (final FuturesOrder o : orders)
            {
                if ((account == null || o.account == account) && o.open() && (symbol == null || o.rules.symbol().equals(symbol)))
                {
                    open.add(o);
                }
            }
            return open;
        }
    }

    /** Every order of an account (or of all for null), oldest first. */
    List<FuturesOrder> orders(final SpotAccount account)
    {
        synchronized (spot)
        {
            final List<FuturesOrder> all = new ArrayList<>();
            for (final FuturesOrder o : orders)
            {
                if (account == null || o.account == account)
                {
                    all.add(o);
                }
            }
            return all;
        }
    }

    /** A new quote: resting orders it crosses fill, stops it reaches trigger. */
    void quote(final String symbol, final BigDecimal[] quote)
    {
        synchronized (spot)
        {
            final long now = spot.now();
            for (final FuturesOrder order : List.copyOf(orders))
            {
                if (!order.open() || !order.rules.symbol().equals(symbol))
                {
                    continue;
                }
                if (order.isStop() && !order.triggered)
                {
                    if (!Matcher.triggerReached(order.request.type().startsWith("STOP") ? "STOP_LOSS" : "TAKE_PROFIT", order.buy(),
                        order.request.stopPrice(), quote))
                    {
                        continue;
                    }
                    order.triggered = true;
                }
                match(order, quote, now);
            }
        }
    }

    private void match(final FuturesOrder order, final BigDecimal[] quote, final long now)
    {
        if (order.fillScheduled)
        {
            return;
        }
        if (marketable(order, quote))
        {
            if (mayWait(order) && (faults.lateFillMillis() > 0 || faults.fillParts() > 1))
            {
                order.fillScheduled = true;
                scheduleFills(order);
                return;
            }
            fill(order, order.remaining(), order.buy() ? quote[1] : quote[0], now);
        }
        else if (order.marketOnTrigger() || !mayWait(order))
        {
            finish(order, "EXPIRED", now);
        }
    }

    private static boolean marketable(final FuturesOrder order, final BigDecimal[] quote)
    {
        return quote != null && (order.marketOnTrigger()
            || (order.buy() ? quote[1].compareTo(order.request.price()) <= 0 : quote[0].compareTo(order.request.price()) >= 0));
    }

    /** IOC and FOK fill now or never, as on spot: the late and partial fill faults hold only orders that may wait. */
    private static boolean mayWait(final FuturesOrder order)
    {
        return !"IOC".equals(order.request.timeInForce()) && !"FOK".equals(order.request.timeInForce());
    }

    /** The late and partial fill faults, as spot's: the first part after the delay, one part per interval after it. */
    private void scheduleFills(final FuturesOrder order)
    {
        final int parts = faults.fillParts();
        final long first = faults.lateFillMillis();
        final long interval = Math.max(1, faults.fillIntervalMillis());
        for (int i = 0; i < parts; i++)
        {
            final int partsLeft = parts - i;
            spot.later(() -> fillPart(order, partsLeft), first + i * interval);
        }
    }

    /**
     * One scheduled part: {@code 1/partsLeft} of what remains (rounded down to the lot step, the last part all of it), at
     * the quote of that moment; a limit order the quote no longer crosses fills at its own price (it was marketable, so
     * it had its place in the book), a market order with no quote waits for the next part.
     */
    private void fillPart(final FuturesOrder order, final int partsLeft)
    {
        synchronized (spot)
        {
            if (!order.open())
            {
                return;
            }
            final BigDecimal quantity = Matcher.partQuantity(order.remaining(), order.rules.stepSize(), partsLeft);
            final BigDecimal[] quote = spot.quote(order.rules.symbol());
            final BigDecimal price = marketable(order, quote) ? (order.buy() ? quote[1] : quote[0])
                : order.request.price().signum() > 0 ? order.request.price() : null;
            if (price != null)
            {
                fill(order, quantity, price, spot.now());
            }
            if (partsLeft == 1)
            {
                order.fillScheduled = false;  // what the last part could not fill waits for the next quote, as a resting order does
            }
        }
    }

    private void fill(final FuturesOrder order, final BigDecimal quantity, final BigDecimal price, final long now)
    {
        final SpotAccount account = order.account;
        final BigDecimal realized = account.futures.fill(order.rules.symbol(), order.request.positionSide(),
            order.buy() ? quantity : quantity.negate(), price);
        order.executedQty = order.executedQty.add(quantity);
        order.cumQuote = order.cumQuote.add(quantity.multiply(price));
        order.status = order.remaining().signum() == 0 ? "FILLED" : "PARTIALLY_FILLED";
        order.updateTime = now;
        streams.pushFutures(account, FuturesAnswers.accountUpdate(account, order.rules.symbol(), now));
        streams.pushFutures(account, FuturesAnswers.orderTradeUpdate(order, "TRADE", now, quantity, price, nextTradeId++, realized,
            quantity.multiply(price).multiply(commissionRate).stripTrailingZeros()));
    }

    private void finish(final FuturesOrder order, final String status, final long now)
    {
        order.fillScheduled = false;
        order.status = status;
        order.updateTime = now;
        streams.pushFutures(order.account, FuturesAnswers.orderTradeUpdate(order, status, now, BigDecimal.ZERO, BigDecimal.ZERO, -1,
            BigDecimal.ZERO, BigDecimal.ZERO));
    }

    private FuturesOrder lookup(final SpotAccount account, final String symbol, final long orderId, final String clientOrderId)
    {
        FuturesOrder found = null;
        for (final FuturesOrder o : orders)
        {
            if (o.account == account && o.rules.symbol().equals(symbol)
                && (orderId >= 0 ? o.orderId == orderId : o.request.clientOrderId().equals(clientOrderId)))
            {
                found = o;
            }
        }
        return found;
    }
}
