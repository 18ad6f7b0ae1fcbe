package io.ordergate.simulators.exchange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The simulated exchange's state: accounts by API key, symbols and their quotes, and every order, with placement,
 * query and cancel as the REST routes need them. One lock (this object) guards it all; late and partial fills run
 * on one scheduler thread ({@code og-sim-exchange-fills}) under the same lock. Thread safe.
 */
final class SpotMarket implements AutoCloseable
{
    /** What a placement made: the order and the fills it had while being answered. */
    record Placed(SpotOrder order, List<SpotAnswers.Fill> fills, long transactTime)
    {
    }

    private final Faults faults;
    private final Matcher matcher;
    private final Map<String, SpotAccount> accounts = new ConcurrentHashMap<>();
    private final Map<String, SymbolRules> symbols = new LinkedHashMap<>();
    private final Map<String, BigDecimal[]> quotes = new ConcurrentHashMap<>();
    private final List<SpotOrder> orders = new ArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r ->
    {
        final Thread t = new Thread(r, "og-sim-exchange-fills");
        t.setDaemon(true);
        return t;
    });
    private long nextOrderId = 1_000;

    SpotMarket(final List<SymbolRules> rules, final Faults faults, final UserStreams streams)
    {
        this.faults = faults;
        this.matcher = new Matcher(streams, faults);
        for (final SymbolRules rule : rules)
        {
            symbols.put(rule.symbol(), rule);
        }
    }

    /** The taker commission rate of every fill from now on (0 by default). */
    void commissionRate(final BigDecimal rate)
    {
        matcher.commissionRate(rate);
    }

    /** The exchange's clock: the machine's, moved by the clock-offset fault. */
    long now()
    {
        return System.currentTimeMillis() + faults.clockOffsetMillis();
    }

    synchronized SpotAccount addAccount(final String apiKey, final String apiSecret, final Map<String, BigDecimal> balances)
    {
        final SpotAccount known = accounts.get(apiKey);
        if (known != null)
        {
            return known;  // a client registering again (a restarted gateway) keeps the account as it stands
        }
        final SpotAccount account = new SpotAccount(apiKey, apiSecret);
        for (final Map.Entry<String, BigDecimal> entry : balances.entrySet())
        {
            account.balance(entry.getKey()).free = entry.getValue();
        }
        account.updateTime = now();
        account.futures.wallet = balances.getOrDefault(FuturesBook.ASSET, BigDecimal.ZERO);  // the futures wallet starts as the spot USDT
        accounts.put(apiKey, account);
        return account;
    }

    SpotAccount accountByKey(final String apiKey)
    {
        return accounts.get(apiKey);
    }

    synchronized List<SymbolRules> symbols()
    {
        return List.copyOf(symbols.values());
    }

    synchronized SymbolRules rules(final String symbol)
    {
        final SymbolRules rules = symbols.get(symbol);
        if (rules == null)
        {
            throw ExchangeError.invalidSymbol();
        }
        return rules;
    }

    /** A new quote: resting orders it crosses fill, stops it reaches trigger. */
    synchronized void quote(final String symbol, final BigDecimal bid, final BigDecimal ask)
    {
        final BigDecimal[] quote = {bid, ask};
        quotes.put(symbol, quote);
        final long now = now();
        for (final SpotOrder order : List.copyOf(orders))
        {
            if (!order.open() || !order.rules.symbol().equals(symbol) || order.fillScheduled)
            {
                continue;
            }
            if (order.isStop() && !order.triggered)
            {
                if (!Matcher.triggerReached(order.type, order.buy(), order.stopPrice, quote))
                {
                    continue;
                }
                order.triggered = true;
            }
            matcher.match(order, quote, now);
            scheduleIfWaiting(order);
            matcher.expireRest(order, now);
        }
    }

    BigDecimal[] quote(final String symbol)
    {
        return quotes.get(symbol);
    }

    /** Every symbol's {bid, ask} (a live view). */
    Map<String, BigDecimal[]> quotes()
    {
        return quotes;
    }

    synchronized Placed place(final SpotAccount account, final NewOrderRequest request)
    {
        final SymbolRules rules = rules(request.symbol());
        rules.checkQuantity(request.quantity());
        final BigDecimal[] quote = quotes.get(rules.symbol());
        final boolean priced = request.price().signum() > 0;
        if (priced)
        {
            rules.checkPrice(request.price());
        }
        if (request.stopPrice().signum() > 0)
        {
            rules.checkPrice(request.stopPrice());
        }
        final boolean stop = request.stopPrice().signum() > 0;
        if (!priced && !stop && quote == null)
        {
            throw ExchangeError.newOrderRejected("Market is closed.");
        }
        rules.checkNotional(priced ? request.price() : stop ? request.stopPrice() : quote[1], request.quantity());
        for (final SpotOrder other : orders)
        {
            if (other.account == account && other.open() && other.clientOrderId.equals(request.clientOrderId()))
            {
                throw ExchangeError.newOrderRejected("Duplicate order sent.");
            }
        }
        if (stop && Matcher.triggerReached(request.type(), "BUY".equals(request.side()), request.stopPrice(), quote))
        {
            throw ExchangeError.newOrderRejected("Order would trigger immediately.");
        }
        final BigDecimal lock = Matcher.lockAmount(request, quote);
        final String lockedAsset = "BUY".equals(request.side()) ? rules.quoteAsset() : rules.baseAsset();
        if (account.balance(lockedAsset).free.compareTo(lock) < 0)
        {
            throw ExchangeError.newOrderRejected("Account has insufficient balance for requested action.");
        }
        final long now = now();
        final SpotOrder order = new SpotOrder(account, rules, nextOrderId++, request.clientOrderId(), request.side(), request.type(),
            request.timeInForce(), request.price(), request.stopPrice(), request.quantity(), now, now + faults.hideNewOrdersMillis());
        if ("LIMIT_MAKER".equals(order.type) && Matcher.marketable(order, quote))
        {
            throw ExchangeError.newOrderRejected("Order would immediately match and take.");
        }
        orders.add(order);
        matcher.lock(order, lock);
        matcher.announce(order, now);
        List<SpotAnswers.Fill> fills = List.of();
        if (!stop || order.triggered)
        {
            fills = matcher.match(order, quote, now);
            scheduleIfWaiting(order);
            matcher.expireRest(order, now);
        }
        return new Placed(order, fills, now);
    }

    /** GET /api/v3/order: by order id or client order id (the newest with it); -2013 while the not-found fault hides it. */
    synchronized SpotOrder find(final SpotAccount account, final String symbol, final long orderId, final String clientOrderId)
    {
        rules(symbol);
        final SpotOrder order = lookup(account, symbol, orderId, clientOrderId);
        if (order == null || now() < order.visibleFrom)
        {
            throw ExchangeError.noSuchOrder();
        }
        return order;
    }

    synchronized SpotOrder cancel(final SpotAccount account, final String symbol, final long orderId, final String clientOrderId,
        final String cancelClientOrderId)
    {
        rules(symbol);
        final SpotOrder order = lookup(account, symbol, orderId, clientOrderId);
        if (order == null || !order.open())
        {
            throw ExchangeError.cancelRejected();
        }
        matcher.cancel(order, cancelClientOrderId, now());
        return order;
    }

    synchronized List<SpotOrder> openOrders(final SpotAccount account, final String symbol)
    {
        final List<SpotOrder> open = new ArrayList<>();
        final long now = now();
        for (final SpotOrder order : orders)
        {
            if (order.account == account && order.open() && (symbol == null || order.rules.symbol().equals(symbol)) && now >= order.visibleFrom)
            {
                open.add(order);
            }
        }
        return open;
    }

    /** Every order of an account with this client order id, open or not (tests count them: never two). */
    synchronized List<SpotOrder> ordersWithClientId(final SpotAccount account, final String clientOrderId)
    {
        final List<SpotOrder> found = new ArrayList<>();
        for (final SpotOrder order : orders)
        {
            if (order.account == account && order.clientOrderId.equals(clientOrderId))
            {
                found.add(order);
            }
        }
        return found;
    }

    synchronized List<SpotOrder> orders(final SpotAccount account)
    {
        final List<SpotOrder> found = new ArrayList<>();
        for (final SpotOrder order : orders)
        {
            if (account == null || order.account == account)
            {
                found.add(order);
            }
        }
        return found;
    }

    /**
     * A key's balances read under the lock, asset (sorted) -> {@code shape} of its free and locked amounts, as a venue's
     * tests see them; empty for an unknown key.
     */
    synchronized Map<String, Map<String, String>> balances(final String apiKey,
        final java.util.function.BiFunction<BigDecimal, BigDecimal, Map<String, String>> shape)
    {
        final SpotAccount account = accounts.get(apiKey);
        final Map<String, Map<String, String>> balances = new LinkedHashMap<>();
        if (account != null)
        {
            account.balances.forEach((asset, b) -> balances.put(asset, shape.apply(b.free, b.locked)));
        }
        return balances;
    }

    /** Runs a read of accounts or orders under the lock (balances for tests and the admin route). */
    synchronized <T> T read(final java.util.function.Supplier<T> reader)
    {
        return reader.get();
    }

    private SpotOrder lookup(final SpotAccount account, final String symbol, final long orderId, final String clientOrderId)
    {
        SpotOrder found = null;
        for (final SpotOrder order : orders)
        {
            if (order.account == account && order.rules.symbol().equals(symbol)
                && (orderId >= 0 ? order.orderId == orderId : order.clientOrderId.equals(clientOrderId)))
            {
                found = order;
            }
        }
        return found;
    }

    /** Schedules the late or partial fills of an order the matcher left waiting. */
    private void scheduleIfWaiting(final SpotOrder order)
    {
        if (!order.fillScheduled || !order.open())
        {
            return;
        }
        final int parts = faults.fillParts();
        final long first = faults.lateFillMillis();
        final long interval = Math.max(1, faults.fillIntervalMillis());
        for (int i = 0; i < parts; i++)
        {
            final int partsLeft = parts - i;
            scheduler.schedule(() -> fillLater(order, partsLeft), first + i * interval, TimeUnit.MILLISECONDS);
        }
    }

    /** Runs a task on the fill scheduler after a delay (the futures side's late and partial fills share it). */
    void later(final Runnable task, final long delayMillis)
    {
        scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    }

    private synchronized void fillLater(final SpotOrder order, final int partsLeft)
    {
        matcher.fillPart(order, partsLeft, quotes.get(order.rules.symbol()), now());
    }

    @Override
    public void close()
    {
        scheduler.shutdownNow();
    }
}
