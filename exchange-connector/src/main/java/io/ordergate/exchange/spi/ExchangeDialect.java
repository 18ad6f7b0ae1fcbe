package io.ordergate.exchange.spi;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.util.List;

/**
 * Everything that differs between exchanges, in one class per exchange: how requests are built and signed, how
 * answers and stream events are read and classified, the client-order-id rules, the rate-limit headers. The rest of
 * the connector (threads, back-off, rate accounting, reconciliation, the engine side) is the same for all.
 *
 * <p>A second dialect (OKX with its passphrase, Bybit) is one implementation of this interface plus its fixture: a
 * simulated exchange or a recorded-answer fixture that the shared connector tests run against. Implementations are
 * stateless and safe from any thread.
 */
public interface ExchangeDialect
{
    /** The venue name in accounts and configuration, e.g. {@code binance}. */
    String name();

    /**
     * The client order id the exchange will know an order by: derived only from the account's namespace and the
     * gateway's order id, so every resend and every restart uses the same one, and within the exchange's
     * character and length rules.
     */
    String clientOrderId(String namespace, long orderId);

    VenueRequest serverTime();

    /** The exchange's published limits (Binance: {@code exchangeInfo}'s {@code rateLimits}). */
    VenueRequest limits();

    /** {weight per minute, orders per short window} from a {@link #limits} answer, or null when it has none. */
    int[] readLimits(String body);

    VenueRequest placeOrder(OrderTicket ticket);

    VenueRequest queryOrder(String symbol, String clientOrderId);

    VenueRequest cancelOrder(String symbol, String clientOrderId);

    VenueRequest balances();

    VenueRequest openUserStream();

    VenueRequest keepUserStreamAlive(String token);

    /** The WebSocket address of the user-data stream a token (listen key) opened. */
    URI userStreamUri(URI streamBase, String token);

    /** The HTTP request for a VenueRequest: parameters encoded, signed with the credentials at the exchange's time. */
    HttpRequest.Builder toHttp(URI restBase, VenueRequest request, Credentials credentials, long exchangeMillis);

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
