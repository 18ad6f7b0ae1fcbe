package io.ordergate.exchange.spi;

import java.util.List;

/**
 * A private stream opened by messages on the socket instead of a REST token (OKX: {@code {"op": "login", ...}} then
 * {@code {"op": "subscribe", ...}}; Binance's listen key needs none of this). The shared {@code UserDataStream} opens the
 * socket at {@link ExchangeDialect#userStreamUri} (token null), sends {@link #login}, reads texts through
 * {@link #loggedIn} until it says yes or no, then sends {@link #subscriptions} and from there hands every text to
 * {@link ExchangeDialect#readStream}. Once {@link #subscribed} says the orders channel is on (not at the login: until the
 * exchange acknowledges it, a fill is pushed to nobody) it reconciles exactly as after a listen-key connect, so an order
 * filled before that is asked for. It keeps the socket alive with {@link #ping} every {@link #pingMillis}. Implementations are stateless: safe from any thread.
 */
public interface SocketLogin
{
    /** The login message, signed with the credentials at the exchange's time (the secret itself is never in it). */
    String login(Credentials credentials, long exchangeMillis);

    /** Whether a text answers the login: TRUE logged in, FALSE refused, null when it is something else. */
    Boolean loggedIn(String text);

    /** What to send once logged in (the channels of orders and balances). */
    List<String> subscriptions();

    /**
     * Whether a text answers the subscription of the orders channel: TRUE on (pushes of fills start now), FALSE
     * refused, null when it is something else (another channel's answer, a push).
     */
    Boolean subscribed(String text);

    /** The keep-alive text (OKX: {@code ping}, answered {@code pong}). */
    String ping();

    /** How often to send {@link #ping} (OKX closes a socket silent for 30 s). */
    long pingMillis();
}
