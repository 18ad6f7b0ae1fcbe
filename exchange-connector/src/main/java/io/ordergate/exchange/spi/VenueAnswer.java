package io.ordergate.exchange.spi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An exchange's answer, classified the way the connector must act on it. Immutable: safe from any thread.
 *
 * @param order      the order's state (OK answers to place, query and cancel), or null
 * @param balances   per asset {@code {free, locked}} (OK answers to a balances request), or null; a futures account's read
 *                   adds {@code {..., unrealized profit, margin balance}}
 * @param text       the server time as text, a stream token, or the exchange's error message
 * @param code       the exchange's own error code, or null
 * @param retryAfterMillis how long the exchange asked us to wait (RATE_LIMITED, BANNED), else 0
 * @param positions  the futures positions (OK answers to a positions request), or null
 */
public record VenueAnswer(Outcome outcome, OrderState order, Map<String, BigDecimal[]> balances, String text, String code, long retryAfterMillis,
    List<PositionState> positions)
{
    /** An answer that carries no positions (every request but a positions read). */
    public VenueAnswer(final Outcome outcome, final OrderState order, final Map<String, BigDecimal[]> balances, final String text, final String code,
        final long retryAfterMillis)
    {
        this(outcome, order, balances, text, code, retryAfterMillis, null);
    }

    /** What the connector does next. */
    public enum Outcome
    {
        /** Done as asked. */
        OK,
        /** The exchange refused it and executed nothing (bad parameters, filters, balance): final. */
        REJECTED,
        /** The exchange has no such order (yet: shortly after sending this means "not yet known"). */
        NOT_FOUND,
        /** Nobody knows whether it executed: timeout, 5xx, the exchange's own "status unknown" codes. */
        UNKNOWN,
        /** Refused for the rate limit, nothing executed: wait {@code retryAfterMillis}. */
        RATE_LIMITED,
        /** Refused and banned, nothing executed: the venue is unavailable for {@code retryAfterMillis}. */
        BANNED,
        /** Refused for the timestamp (clock offset or window), nothing executed: resynchronise and send again. */
        CLOCK_SKEW,
        /** Refused for the key or signature, nothing executed. */
        AUTH_FAILED;

        /**
         * Whether the same request asked again later may be answered otherwise: nobody knows what happened (UNKNOWN:
         * timeout, I/O, 5xx), or the exchange asked us to wait (RATE_LIMITED, BANNED) or to resynchronise (CLOCK_SKEW).
         * The rest are the exchange's word on the request (REJECTED, AUTH_FAILED: bad parameters, symbol, key or
         * permissions), and asking again only spends weight; NOT_FOUND is its word now, and whether that may change (an
         * order just sent) only the caller knows. What a caller that may ask again goes by.
         */
        public boolean temporary()
        {
            return this == UNKNOWN || this == RATE_LIMITED || this == BANNED || this == CLOCK_SKEW;
        }
    }

    public static VenueAnswer of(final Outcome outcome, final String text, final String code, final long retryAfterMillis)
    {
        return new VenueAnswer(outcome, null, null, text, code, retryAfterMillis);
    }

    public static VenueAnswer unknown(final String why)
    {
        return of(Outcome.UNKNOWN, why, null, 0);
    }

    public boolean ok()
    {
        return outcome == Outcome.OK;
    }
}
