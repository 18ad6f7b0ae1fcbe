package io.ordergate.simulators.exchange;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How the simulated exchange misbehaves, switched per test (or by {@code POST /admin/faults} for manual runs).
 * Every knob is off by default and can be set from any thread; {@link #clear} switches all off.
 *
 * <ul>
 *   <li>{@link #rateLimitNext}: the next N requests get 429 {@code -1003} with {@code Retry-After}.</li>
 *   <li>{@link #ban}: every request gets 418 {@code -1003} with {@code Retry-After} until the ban ends.</li>
 *   <li>{@link #failAfterPlacing}: the next N orders ARE placed, then answered 503 (execution status unknown) or
 *       never answered at all (the client times out).</li>
 *   <li>{@link #lateFills}: orders that would fill now fill only after a delay.</li>
 *   <li>{@link #partialFills}: fills come in N parts, one per interval.</li>
 *   <li>{@link #hideNewOrders}: a query by id answers -2013 "Order does not exist." for that long after placement.</li>
 *   <li>{@link #muteUserStreams}: user-data events are lost (not sent) for that long; see also
 *       {@link SimulatedExchange#dropUserStreams}.</li>
 *   <li>{@link #delayUserStreams}: user-data events are sent that much later (in order): a REST answer beats them.</li>
 *   <li>{@link #clockOffset}: the exchange's clock runs this far ahead (or behind) of the machine's.</li>
 *   <li>{@link #slowBalanceAnswers}: a spot balance read is served at once and its answer sent that much later.</li>
 *   <li>{@link #slowLeverageBrackets}: a leverage brackets read is answered that much later.</li>
 *   <li>{@link #refuseNext}: the next N requests to one route are refused with a given status and Binance error.</li>
 * </ul>
 */
public final class Faults
{
    /** What a placed-then-failed order's client sees. */
    public enum FailMode
    {
        /** HTTP 503 with {@code -1007}: "Send status unknown; execution status unknown." */
        STATUS_503,
        /** No answer at all: the connection stays silent until the client gives up. */
        NO_ANSWER
    }

    private final AtomicInteger rateLimited = new AtomicInteger();
    private volatile int rateLimitRetryAfterSeconds = 1;
    private volatile long bannedUntilMillis;
    private final AtomicInteger failAfterPlacing = new AtomicInteger();
    private volatile FailMode failMode = FailMode.STATUS_503;
    private volatile long lateFillMillis;
    private volatile int fillParts = 1;
    private volatile long fillIntervalMillis;
    private volatile long hideNewOrdersMillis;
    private volatile long mutedUntilMillis;
    private volatile long userStreamDelayMillis;
    private volatile long clockOffsetMillis;
    private volatile long subscriptionDelayMillis;
    private volatile long instrumentsDelayMillis;
    private volatile long balanceAnswerDelayMillis;
    private volatile long bracketsAnswerDelayMillis;
    private final java.util.concurrent.atomic.AtomicInteger balanceAnswersHeld = new java.util.concurrent.atomic.AtomicInteger();
    /** Per route ({@code "GET /api/v3/myTrades"}): the refusal its next requests meet, and how many more meet it. */
    private final Map<String, RouteRefusal> refusals = new ConcurrentHashMap<>();

    private record RouteRefusal(ExchangeError error, AtomicInteger left)
    {
    }

    public Faults rateLimitNext(final int requests, final int retryAfterSeconds)
    {
        rateLimitRetryAfterSeconds = Math.max(1, retryAfterSeconds);
        rateLimited.set(requests);
        return this;
    }

    public Faults ban(final int seconds)
    {
        bannedUntilMillis = System.currentTimeMillis() + seconds * 1_000L;
        return this;
    }

    public Faults failAfterPlacing(final int orders, final FailMode mode)
    {
        failMode = mode;
        failAfterPlacing.set(orders);
        return this;
    }

    public Faults lateFills(final long delayMillis)
    {
        lateFillMillis = delayMillis;
        return this;
    }

    public Faults partialFills(final int parts, final long intervalMillis)
    {
        fillParts = Math.max(1, parts);
        fillIntervalMillis = intervalMillis;
        return this;
    }

    public Faults hideNewOrders(final long millis)
    {
        hideNewOrdersMillis = millis;
        return this;
    }

    public Faults delayUserStreams(final long millis)
    {
        userStreamDelayMillis = millis;
        return this;
    }

    public Faults muteUserStreams(final long millis)
    {
        mutedUntilMillis = System.currentTimeMillis() + millis;
        return this;
    }

    /**
     * Each private-stream subscription takes effect, and is acknowledged, this long after it was asked for: an exchange
     * slow to subscribe a fresh socket, whose pushes until then go nowhere.
     */
    public Faults slowSubscriptions(final long millis)
    {
        subscriptionDelayMillis = millis;
        return this;
    }

    /** The instrument list (OKX's {@code GET /api/v5/public/instruments}) is answered this long after it was asked for. */
    public Faults slowInstruments(final long millis)
    {
        instrumentsDelayMillis = millis;
        return this;
    }

    /**
     * {@code GET /api/v3/account} is read when it arrives and answered this long after: the answer carries the balances
     * of its arrival, and what changed meanwhile reaches the client's user stream first.
     */
    public Faults slowBalanceAnswers(final long millis)
    {
        balanceAnswerDelayMillis = millis;
        return this;
    }

    /** {@code GET /fapi/v1/leverageBracket} is answered this long after it arrives (a slow or distant exchange). */
    public Faults slowLeverageBrackets(final long millis)
    {
        bracketsAnswerDelayMillis = millis;
        return this;
    }

    public Faults clockOffset(final long millis)
    {
        clockOffsetMillis = millis;
        return this;
    }

    /**
     * The next {@code requests} requests to {@code method path} are refused with HTTP {@code status} and Binance's
     * {@code {"code": code, "msg": message}} (after the ban and 429 faults, before the weight is counted and the route
     * runs): a permanent refusal (400 {@code -1121}, 401 {@code -2015}) or a passing one (503 {@code -1000}) of one route.
     */
    public Faults refuseNext(final String method, final String path, final int requests, final int status, final int code, final String message)
    {
        refusals.put(method + ' ' + path, new RouteRefusal(new ExchangeError(status, code, message), new AtomicInteger(requests)));
        return this;
    }

    /** Every fault off. */
    public Faults clear()
    {
        rateLimited.set(0);
        bannedUntilMillis = 0;
        subscriptionDelayMillis = 0;
        instrumentsDelayMillis = 0;
        balanceAnswerDelayMillis = 0;
        bracketsAnswerDelayMillis = 0;
        failAfterPlacing.set(0);
        lateFillMillis = 0;
        fillParts = 1;
        fillIntervalMillis = 0;
        hideNewOrdersMillis = 0;
        mutedUntilMillis = 0;
        userStreamDelayMillis = 0;
        clockOffsetMillis = 0;
        refusals.clear();
        return this;
    }

    // ---- read by the exchange ----

    /** Seconds to wait when this request is refused with 429 by the fault, else 0 (and the count goes down). */
    int takeRateLimit()
    {
        return rateLimited.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? rateLimitRetryAfterSeconds : 0;
    }

    /** The refusal this request to {@code method path} meets by {@link #refuseNext} (and the count goes down), or null. */
    ExchangeError takeRefusal(final String method, final String path)
    {
        final RouteRefusal refusal = refusals.get(method + ' ' + path);
        return refusal != null && refusal.left().getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? refusal.error() : null;
    }

    long bannedUntilMillis()
    {
        return bannedUntilMillis;
    }

    /** The failure this placement meets after the order exists, or null for a normal answer. */
    FailMode takeFailAfterPlacing()
    {
        return failAfterPlacing.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? failMode : null;
    }

    long lateFillMillis()
    {
        return lateFillMillis;
    }

    int fillParts()
    {
        return fillParts;
    }

    long fillIntervalMillis()
    {
        return fillIntervalMillis;
    }

    long hideNewOrdersMillis()
    {
        return hideNewOrdersMillis;
    }

    long subscriptionDelayMillis()
    {
        return subscriptionDelayMillis;
    }

    long userStreamDelayMillis()
    {
        return userStreamDelayMillis;
    }

    boolean userStreamsMuted()
    {
        return System.currentTimeMillis() < mutedUntilMillis;
    }

    long instrumentsDelayMillis()
    {
        return instrumentsDelayMillis;
    }

    long balanceAnswerDelayMillis()
    {
        return balanceAnswerDelayMillis;
    }

    long bracketsAnswerDelayMillis()
    {
        return bracketsAnswerDelayMillis;
    }

    /** Counts a balance read served and held by {@link #slowBalanceAnswers}. */
    void heldBalanceAnswer()
    {
        balanceAnswersHeld.incrementAndGet();
    }

    /** Balance reads served and held back by {@link #slowBalanceAnswers} so far: a test orders its next step after one. */
    public int balanceAnswersHeld()
    {
        return balanceAnswersHeld.get();
    }

    long clockOffsetMillis()
    {
        return clockOffsetMillis;
    }
}
