package io.ordergate.simulators.exchange;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated OKX that speaks the OKX v5 dialect over real HTTP and WebSocket, on the same market as the simulated
 * Binance (its symbols, quotes, matching, balances and {@link Faults}): REST under {@code /api/v5} signed with the
 * {@code OK-ACCESS-*} headers ({@link OkxAuth}), spot orders by {@code clOrdId} ({@link OkxTrade}), and the private
 * WebSocket {@code /ws/v5/private} with its message login and {@code orders}/{@code account} pushes
 * ({@link OkxPrivateSocket}). Each account has an API key, a secret and a passphrase.
 *
 * <p>Threads: Netty event loops ({@code og-sim-okx}) answer requests; late and partial fills run on the market's
 * {@code og-sim-exchange-fills}. Everything here is safe from any thread; {@link #close} stops both.
 */
public final class SimulatedOkx implements AutoCloseable
{
    private final Faults faults = new Faults();
    private final UserStreams events = new UserStreams(faults);
    private final SpotMarket market = new SpotMarket(SymbolRules.defaults(), faults, events);
    private final OkxAuth auth = new OkxAuth(market);
    private final OkxPrivateStreams streams = new OkxPrivateStreams(market, faults);
    private final OkxRestRoutes rest = new OkxRestRoutes(auth, new OkxTrade(market), faults, market);
    private final VenueServer server;

    private SimulatedOkx(final String host, final int port)
    {
        events.observe(streams::onEvent);
        try
        {
            server = VenueServer.bind("og-sim-okx", host, port, ExchangeChannelInitializer.okx(rest, streams, auth), "the simulated OKX");
        }
        catch (final RuntimeException ex)
        {
            market.close();  // the fills thread; the failed bind left no event loop running
            throw ex;
        }
    }

    /** A simulated OKX on loopback ({@code port} 0: any free port). */
    public static SimulatedOkx start(final int port)
    {
        return start("127.0.0.1", port);
    }

    public static SimulatedOkx start(final String host, final int port)
    {
        return new SimulatedOkx(host, port);
    }

    /** The REST base URL, e.g. {@code http://127.0.0.1:40123} (routes under /api/v5). */
    public URI restUrl()
    {
        return server.url("http");
    }

    /** The WebSocket base URL; the private stream is {@code streamUrl() + "/ws/v5/private"}. */
    public URI streamUrl()
    {
        return server.url("ws");
    }

    public Faults faults()
    {
        return faults;
    }

    /** Charges each fill from now on this fraction of what it brings in; the {@code orders} push tells it ({@code fillFee} negative). */
    public SimulatedOkx commissionRate(final BigDecimal rate)
    {
        market.commissionRate(rate);
        return this;
    }

    /** How many answers carried OKX's {@code code} (an order's {@code sCode} for an order refused, e.g. 51016), for tests. */
    public int codesAnswered(final String code)
    {
        return rest.codesAnswered(code);
    }

    /** An account for an API key, its secret and passphrase, with starting balances ({@code "USDT" -> "10000"}); a known key keeps its account. */
    public SimulatedOkx addAccount(final String apiKey, final String apiSecret, final String passphrase, final Map<String, String> balances)
    {
        if (apiKey == null || apiKey.isEmpty() || apiSecret == null || apiSecret.isEmpty() || passphrase == null || passphrase.isEmpty())
        {
            throw new IllegalArgumentException("an OKX account needs an api key, a secret and a passphrase");
        }
        final Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        balances.forEach((ccy, amount) -> amounts.put(ccy, new BigDecimal(amount)));
        market.addAccount(apiKey, apiSecret, amounts);
        auth.passphrase(apiKey, passphrase);
        return this;
    }

    /** As {@link #addAccount}, for a key of OKX's demo trading: its requests must carry {@code x-simulated-trading: 1}. */
    public SimulatedOkx addDemoTradingAccount(final String apiKey, final String apiSecret, final String passphrase, final Map<String, String> balances)
    {
        addAccount(apiKey, apiSecret, passphrase, balances);
        auth.demoTrading(apiKey);
        return this;
    }

    /** The price it fills at ({@code BTCUSDT} or {@code BTC-USDT}): buys at the ask, sells at the bid; resting orders it crosses fill now. */
    public SimulatedOkx quote(final String symbol, final String bid, final String ask)
    {
        final String name = symbol.replace("-", "");
        market.rules(name);
        market.quote(name, new BigDecimal(bid), new BigDecimal(ask));
        return this;
    }

    /** Closes every private WebSocket now, as a network fault would. */
    public void dropPrivateStreams()
    {
        streams.dropAll();
    }

    /** Private sockets logged in, whether or not their subscriptions took effect yet. */
    public int authenticatedStreams()
    {
        return streams.authenticated();
    }

    /** Private sockets logged in and subscribed to {@code orders}. */
    public int loggedInStreams()
    {
        return streams.loggedIn();
    }

    /** Balances of a key's account: currency -> {"availBal", "frozenBal"} as plain decimals; empty for an unknown key. */
    public Map<String, Map<String, String>> balances(final String apiKey)
    {
        return market.balances(apiKey, (free, locked) -> Map.of("availBal", OkxShapes.text(free), "frozenBal", OkxShapes.text(locked)));
    }

    /** Every order of a key's account, oldest first, as {@code GET /api/v5/trade/order} writes each. */
    public List<Map<String, Object>> orders(final String apiKey)
    {
        final SpotAccount account = market.accountByKey(apiKey);
        return account == null ? List.of() : market.read(() -> shapes(market.orders(account)));
    }

    /** Every order a key's account has under one {@code clOrdId}: more than one means an order was doubled. */
    public List<Map<String, Object>> ordersWithClientId(final String apiKey, final String clOrdId)
    {
        final SpotAccount account = market.accountByKey(apiKey);
        return account == null ? List.of() : market.read(() -> shapes(market.ordersWithClientId(account, clOrdId)));
    }

    private static List<Map<String, Object>> shapes(final List<SpotOrder> orders)
    {
        final List<Map<String, Object>> list = new ArrayList<>();
        orders.forEach(order -> list.add(OkxShapes.order(order, null)));
        return list;
    }

    @Override
    public void close()
    {
        server.close();
        market.close();
    }
}
