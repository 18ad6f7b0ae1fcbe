package io.ordergate.exchange.spi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What an exchange says about one order, from an answer or a stream event: cumulative figures, so applying the same
 * state twice changes nothing. Immutable: safe from any thread.
 *
 * @param executedQty  cumulative filled quantity
 * @param cumulativeQuote cumulative quote amount of the fills (price × quantity summed), for the average price
 */
public record OrderState(String clientOrderId, String venueOrderId, Status status, BigDecimal executedQty, BigDecimal cumulativeQuote)
{
    /** An exchange order's life, in neutral terms. */
    public enum Status
    {
        NEW(false), PARTIALLY_FILLED(false), FILLED(true), CANCELLED(true), EXPIRED(true), REJECTED(true);

        private final boolean done;

        Status(final boolean done)
        {
            this.done = done;
        }

        /** The order will not change again. */
        public boolean done()
        {
            return done;
        }
    }

    /** The average fill price (cumulative quote ÷ cumulative quantity), or null before any fill. */
    public BigDecimal averagePrice(final int scale)
    {
        return executedQty.signum() == 0 ? null : cumulativeQuote.divide(executedQty, scale, RoundingMode.HALF_EVEN);
    }
}
