package io.ordergate.exchange.spi;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

/**
 * Everything that differs between exchanges, in one class per exchange: how requests are built and signed, how
 * answers and stream events are read and classified, the client-order-id rules, the rate-limit headers. The rest of
 * the connector (threads, back-off, rate accounting, reconciliation, the engine side) is the same for all.
 *
 * <p>A second dialect (OKX with its passphrase, Bybit) is one implementation of this interface plus its fixture: a
 * simulated exchange or a recorded-answer fixture that the shared connector tests run against. A private stream that
 * logs in by message rather than by a REST token says how through {@link #socketLogin}. Implementations are
 * stateless and safe from any thread.
 */
public interface ExchangeDialect
{
    /** The venue name in accounts and configuration, e.g. {@code binance}. */
    String name();

    /**
     * The client order id the exchange will know an order by: derived only from the account's namespace, the
     * gateway's order id and the start epoch the order was made in, so every resend and every restart uses the same
     * one, an order id given again after a lost journal tail (another epoch) gets another, and within the exchange's
     * character and length rules. Epoch 0 (an order from before start epochs) adds nothing: its id is as it was.
     */
    String clientOrderId(String namespace, long orderId, long startEpoch);

    /** {@link #clientOrderId(String, long, long)} of an order made before start epochs. */
    default String clientOrderId(final String namespace, final long orderId)
    {
        return clientOrderId(namespace, orderId, 0);
    }

    VenueRequest serverTime();

    /** The exchange's published limits (Binance: {@code exchangeInfo}'s {@code rateLimits}). */
    VenueRequest limits();

    /** {weight per minute, orders per short window} from a {@link #limits} answer, or null when it has none. */
    int[] readLimits(String body);

    VenueRequest placeOrder(OrderTicket ticket);

    VenueRequest queryOrder(String symbol, String clientOrderId);

    VenueRequest cancelOrder(String symbol, String clientOrderId);

    /**
     * One order's fills with their commissions, asked when its fills were learnt from an answer that tells no commission
     * (Binance spot's order query): the answer's {@link VenueAnswer#order} sums them (quantity, quote amount, commission in
     * the quote asset for that quantity). Null (the default) from a dialect whose query or stream always tells it.
     *
     * @param venueOrderId the exchange's order id
     */
    default VenueRequest orderTrades(final String symbol, final String venueOrderId)
    {
        return null;
    }

    VenueRequest balances();

    /**
     * The account's futures positions, compared with the engine's at every stream (re)connect and after a restart; null
     * (the default) from a dialect whose market has no positions (spot).
     */
    default VenueRequest positions()
    {
        return null;
    }

    VenueRequest openUserStream();

    VenueRequest keepUserStreamAlive(String token);

    /** Ends a user-data stream token (the account is removed, or the connector closes). */
    VenueRequest closeUserStream(String token);

    /** The trading steps of every symbol in a {@link #limits} answer (Binance: exchangeInfo's filters), by symbol. */
    Map<String, SymbolRules> readSymbolRules(String body);

    // ---- futures settings (seed 001's trading_config); null from a dialect whose exchange has none ----

    /** Sets the account-wide position mode, or null when the exchange has no such setting. */
    default VenueRequest setPositionMode(final FuturesSettings.PositionMode mode)
    {
        return null;
    }

    /** Sets a symbol's margin type, or null when the exchange has no such setting. */
    default VenueRequest setMarginType(final String symbol, final FuturesSettings.MarginType type)
    {
        return null;
    }

    /** Sets a symbol's leverage, or null when the exchange has no such setting. */
    default VenueRequest setLeverage(final String symbol, final int leverage)
    {
        return null;
    }

    /**
     * Asks a symbol's highest leverage for this account, which the exchange may lower per symbol below any fixed
     * maximum, or null (the default) when the exchange publishes none: the leverage is then only checked by the exchange.
     */
    default VenueRequest leverageBrackets(final String symbol)
    {
        return null;
    }

    /** The symbol's highest leverage from a {@link #leverageBrackets} answer's text, or 0 when it tells none. */
    default int readMaxLeverage(final String symbol, final String body)
    {
        return 0;
    }

    /**
     * Which of the exchange's stream addresses the account's user-data stream is on (Binance serves USDⓈ-M futures
     * streams on their own host): the configuration's {@code stream_url} or {@code futures_stream_url}.
     */
    default VenueRequest.Api streamApi()
    {
        return VenueRequest.Api.SPOT;
    }

    /**
     * How the private stream logs in when it does so by messages on the socket (OKX), or null when a REST token opens it
     * ({@link #openUserStream}, Binance's listen key: the default). With a login, the token calls are never made.
     */
    default SocketLogin socketLogin()
    {
        return null;
    }

    /** The WebSocket address of the user-data stream a token (listen key) opened (token null for a {@link #socketLogin}). */
    URI userStreamUri(URI streamBase, String token);

    /**
     * The HTTP request for a VenueRequest: parameters encoded, signed with the credentials at the exchange's time,
     * valid for {@code recvWindowMillis} (where the exchange takes a validity window).
     *
     * @param base the configured address of the request's {@link VenueRequest#api()}
     */
    HttpRequest.Builder toHttp(URI base, VenueRequest request, Credentials credentials, long exchangeMillis, long recvWindowMillis);

    /**
     * What a request for a testnet account carries beside its address (the address is configuration's): nothing for
     * Binance, whose testnets are hosts of their own; OKX's demo trading is the live host with a header.
     */
    default HttpRequest.Builder forTestnet(final HttpRequest.Builder request)
    {
        return request;
    }

    /** Reads and classifies an answer. */
    VenueAnswer read(VenueRequest request, int status, HttpHeaders headers, String body);

    /** Reads the exchange's time from a SERVER_TIME answer. */
    long serverMillis(String body);

    /** Order updates and balance changes in one stream message (empty for messages that carry none). */
    List<StreamEvent> readStream(String text);

    /** The request weight used in the current window, as the exchange's headers say, or -1 when absent. */
    int usedWeight(HttpHeaders headers);

    /** Orders counted in the exchange's short order window, as its headers say, or -1 when absent. */
    int orderCount(HttpHeaders headers);

    /** The exchange's limits: request weight per minute and orders per short window (10 s for Binance). */
    int weightLimit();

    int orderLimit();

    long orderWindowMillis();
}
