package io.ordergate.simulators.exchange;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated exchange that speaks the Binance spot dialect over real HTTP and WebSocket (and the USDⓈ-M futures
 * settings routes): signed requests checked as strictly as the real exchange checks them, its error codes and
 * answer shapes, its rate-limit headers, a user-data stream on {@code /ws/<listenKey>}, its own balances, and orders
 * matched against the quotes it is given. {@link #faults()} makes it misbehave on purpose.
 *
 * <p>Threads: Netty event loops ({@code og-sim-exchange}) answer requests; late and partial fills run on
 * {@code og-sim-exchange-fills}. Everything here is safe from any thread; {@link #close} stops both.
 */
public final class SimulatedExchange implements AutoCloseable
{
    /** An order as a test sees it. */
    public record OrderSnapshot(String symbol, long orderId, String clientOrderId, String side, String type, String status,
        BigDecimal origQty, BigDecimal executedQty, BigDecimal cummulativeQuoteQty)
    {
        public Map<String, Object> asMap()
        {
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("symbol", symbol);
            m.put("orderId", orderId);
            m.put("clientOrderId", clientOrderId);
            m.put("side", side);
            m.put("type", type);
            m.put("status", status);
            m.put("origQty", Amounts.text(origQty));
            m.put("executedQty", Amounts.text(executedQty));
            m.put("cummulativeQuoteQty", Amounts.text(cummulativeQuoteQty));
            return m;
        }
    }

    private final Faults faults = new Faults();
    private final UserStreams streams = new UserStreams(faults);
    private final SpotMarket market;
    private final FuturesMarket futures;
    private final LeverageBrackets leverageBrackets = new LeverageBrackets();
    private final VenueServer server;
    private final RestRouter rest;

    private SimulatedExchange(final String host, final int port, final RateLimits limits)
    {
        market = new SpotMarket(SymbolRules.defaults(), faults, streams);
        futures = new FuturesMarket(market, streams, faults);
        rest = new RestRouter(new SpotRoutes(market, futures, streams, faults, limits, leverageBrackets), new AdminRoutes(this), faults, limits, market);
        try
        {
            server = VenueServer.bind("og-sim-exchange", host, port, ExchangeChannelInitializer.binance(rest, streams), "the simulated exchange");
        }
        catch (final RuntimeException ex)
        {
            market.close();  // the fills thread; the failed bind left no event loop running
            throw ex;
        }
    }

    /** A simulated exchange on loopback ({@code port} 0: any free port) with the real exchange's default limits. */
    public static SimulatedExchange start(final int port)
    {
        return start("127.0.0.1", port, RateLimits.DEFAULT_WEIGHT_PER_MINUTE, RateLimits.DEFAULT_ORDERS_PER_10S);
    }

    /** With its own request-weight and order-rate limits (to test a client's accounting against small ones). */
    public static SimulatedExchange start(final String host, final int port, final int weightPerMinute, final int ordersPer10s)
    {
        return new SimulatedExchange(host, port, new RateLimits(weightPerMinute, ordersPer10s, RateLimits.DEFAULT_ORDERS_PER_DAY));
    }

    /**
     * Waits, for the wall clock only, until at least 3 s are left in both of the limits' windows. The limits count in
     * fixed windows of the wall clock (10 s for orders, a minute for weight), as Binance's do, and so does a client
     * keeping pace with them: a test that counts against them starts here, or a window ending in its middle resets
     * its counts. At most 3 s.
     */
    public static void awaitRoomInLimitWindows() throws InterruptedException
    {
        while (System.currentTimeMillis() % 10_000 > 7_000 || System.currentTimeMillis() % 60_000 > 57_000)
        {
            Thread.sleep(50);  // waiting for the clock itself, not for another thread
        }
    }

    public int port()
    {
        return server.port();
    }

    /** The REST base URL, e.g. {@code http://127.0.0.1:40123} (spot under /api/v3, futures under /fapi/v1). */
    public URI restUrl()
    {
        return server.url("http");
    }

    /** The WebSocket base URL; a user-data stream is {@code streamUrl() + "/ws/" + listenKey}. */
    public URI streamUrl()
    {
        return server.url("ws");
    }

    public Faults faults()
    {
        return faults;
    }

    /**
     * Charges each fill from now on this fraction of what it brings in (0.001 is Binance's 0.1%): a buy pays in the
     * base asset, a sell in the quote asset; the fill's {@code executionReport} tells it ({@code n}, {@code N}).
     */
    public SimulatedExchange commissionRate(final BigDecimal rate)
    {
        market.commissionRate(rate);
        futures.commissionRate(rate);
        return this;
    }

    /**
     * A USDⓈ-M symbol's highest leverage from now on (1 to 125; 125 unless set): {@code GET /fapi/v1/leverageBracket}
     * tells it, and {@code POST /fapi/v1/leverage} refuses more with -4028.
     */
    public SimulatedExchange maxLeverage(final String symbol, final int leverage)
    {
        market.rules(symbol);
        leverageBrackets.max(symbol, leverage);
        return this;
    }

    /** How many answers carried the exchange's error {@code code} (e.g. -2013), for tests that must know a fault was met. */
    public int errorsAnswered(final int code)
    {
        return rest.errorsAnswered(code);
    }

    /** How many requests reached a route ({@code "GET", "/api/v3/myTrades"}), answered or refused, for tests that count what a client asks. */
    public int requestsReceived(final String method, final String path)
    {
        return rest.requestsReceived(method, path);
    }

    /** An account for an API key, with starting balances per asset ({@code "USDT" -> "10000"}); a key it knows keeps its account as it is. */
    public SimulatedExchange addAccount(final String apiKey, final String apiSecret, final Map<String, String> balances)
    {
        if (apiKey == null || apiKey.isEmpty() || apiSecret == null || apiSecret.isEmpty())
        {
            throw new IllegalArgumentException("an account needs an api key and a secret");
        }
        final Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        balances.forEach((asset, amount) -> amounts.put(asset, new BigDecimal(amount)));
        market.addAccount(apiKey, apiSecret, amounts);
        return this;
    }

    /** The price the exchange fills at: buys at the ask, sells at the bid; resting orders it crosses fill now. */
    public SimulatedExchange quote(final String symbol, final String bid, final String ask)
    {
        market.rules(symbol);
        market.quote(symbol, new BigDecimal(bid), new BigDecimal(ask));
        futures.quote(symbol, new BigDecimal[] {new BigDecimal(bid), new BigDecimal(ask)});
        return this;
    }

    /** Closes every user-data WebSocket now, as a network fault would (listen keys stay valid). */
    public void dropUserStreams()
    {
        streams.dropAll();
    }

    /**
     * Expires every listen key now (a keep-alive that never came): {@code PUT} answers {@code -1125}, the open sockets
     * stay open and go silent, after a {@code listenKeyExpired} event when {@code announce}.
     */
    public void expireListenKeys(final boolean announce)
    {
        streams.expireAll(announce);
    }

    /** Every user-data socket stays open but dead: it answers no ping and carries no event (a connection lost without a close). */
    public void freezeUserStreams()
    {
        streams.freezeAll();
    }

    /** Spot listen-key keep-alives ({@code PUT /api/v3/userDataStream}) answered OK so far. */
    public int listenKeyKeepAlives()
    {
        return streams.keepAlives();
    }

    public int openUserStreams()
    {
        return streams.openSockets();
    }

    /** Balances of a key's account: asset -> {"free", "locked"} as plain decimals; empty for an unknown key. */
    public Map<String, Map<String, String>> balances(final String apiKey)
    {
        return market.balances(apiKey, (free, locked) -> Map.of("free", free.stripTrailingZeros().toPlainString(),
            "locked", locked.stripTrailingZeros().toPlainString()));
    }

    /**
     * A key's USDⓈ-M futures settings as the exchange holds them: {@code dualSidePosition}, {@code leverage} and
     * {@code marginType} per symbol (only symbols set); empty for an unknown key.
     */
    public Map<String, Object> futuresSettings(final String apiKey)
    {
        final SpotAccount account = market.accountByKey(apiKey);
        if (account == null)
        {
            return Map.of();
        }
        return market.read(() ->
        {
            final Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("dualSidePosition", account.dualSidePosition);
            settings.put("leverage", new LinkedHashMap<>(account.leverage));
            settings.put("marginType", new LinkedHashMap<>(account.marginType));
            return settings;
        });
    }

    /** Every USDⓈ-M futures order of a key's account, oldest first (symbol, side, position side, reduce-only in the snapshot). */
    public List<Map<String, Object>> futuresOrders(final String apiKey)
    {
        final SpotAccount account = market.accountByKey(apiKey);
        if (account == null)
        {
            return List.of();
        }
        return market.read(() ->
        {
            final List<Map<String, Object>> list = new ArrayList<>();
            futures.orders(account).forEach(o -> list.add(FuturesAnswers.order(o, true)));
            return list;
        });
    }

    /** A key's USDⓈ-M futures positions as {@code /fapi/v2/positionRisk} lists them, and its wallet under "USDT". */
    public Map<String, Object> futuresAccount(final String apiKey)
    {
        final SpotAccount account = market.accountByKey(apiKey);
        if (account == null)
        {
            return Map.of();
        }
        return market.read(() -> Map.of("USDT", Amounts.text(account.futures.wallet), "positions",
            FuturesAnswers.positionRisk(account, null, market.quotes())));
    }

    /**
     * A futures market order placed at the exchange by someone else with the same key (another program, the exchange's
     * own site): the gateway never sent it, so only its stream and positions reads can tell it. Returns its order id.
     */
    public long futuresOrderElsewhere(final String apiKey, final String symbol, final String side, final String quantity)
    {
        return futuresOrderElsewhere(apiKey, symbol, side, null, quantity);
    }

    /** As above, naming the side it opens or closes ({@code LONG}/{@code SHORT}: an account in hedge mode needs it; null for none). */
    public long futuresOrderElsewhere(final String apiKey, final String symbol, final String side, final String positionSide, final String quantity)
    {
        final SpotAccount account = market.accountByKey(apiKey);
        if (account == null)
        {
            throw new IllegalArgumentException("no account with this key");
        }
        final String query = "symbol=" + symbol + "&side=" + side + "&type=MARKET&quantity=" + quantity + "&newClientOrderId=web_"
            + System.nanoTime() + (positionSide == null ? "" : "&positionSide=" + positionSide);
        return futures.place(account, new Params(query, "")).orderId;
    }

    /** Every order of a key's account (or of every account for null), oldest first. */
    public List<OrderSnapshot> orders(final String apiKey)
    {
        final SpotAccount account = apiKey == null ? null : market.accountByKey(apiKey);
        if (apiKey != null && account == null)
        {
            return List.of();
        }
        return market.read(() -> snapshots(market.orders(account)));
    }

    /** Every order a key's account has under one client order id: more than one means an order was doubled. */
    public List<OrderSnapshot> ordersWithClientId(final String apiKey, final String clientOrderId)
    {
        final SpotAccount account = market.accountByKey(apiKey);
        return account == null ? List.of() : market.read(() -> snapshots(market.ordersWithClientId(account, clientOrderId)));
    }

    private static List<OrderSnapshot> snapshots(final List<SpotOrder> orders)
    {
        final List<OrderSnapshot> list = new ArrayList<>();
        for (final SpotOrder o : orders)
        {
            list.add(new OrderSnapshot(o.rules.symbol(), o.orderId, o.clientOrderId, o.side, o.type, o.status, o.origQty, o.executedQty,
                o.cummulativeQuoteQty));
        }
        return list;
    }

    @Override
    public void close()
    {
        server.close();
        market.close();
    }
}
