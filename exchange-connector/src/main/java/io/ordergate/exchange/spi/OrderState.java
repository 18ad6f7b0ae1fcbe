package io.ordergate.exchange.spi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What an exchange says about one order, from an answer or a stream event: cumulative figures, so applying the same
 * state twice changes nothing. Immutable: safe from any thread.
 *
 * @param executedQty  cumulative filled quantity
 * @param cumulativeQuote cumulative quote amount of the fills (price × quantity summed), for the average price
 * @param fee             commission told with this state, in the quote asset: a stream's {@code executionReport} tells its
 *                        fill's, an order's full answer its fills'; 0 when none is told or it is paid in an asset that is
 *                        neither the symbol's base nor its quote
 * @param feeQuantity     the filled quantity {@code fee} is for (the report's last fill, or the answer's fills); 0 with no fee
 */
public record OrderState(String clientOrderId, String venueOrderId, Status status, BigDecimal executedQty, BigDecimal cumulativeQuote,
    BigDecimal fee, BigDecimal feeQuantity)
{
    /** A state that tells no commission (an order query's answer). */
    public OrderState(final String clientOrderId, final String venueOrderId, final Status status, final BigDecimal executedQty,
        final BigDecimal cumulativeQuote)
    {
        this(clientOrderId, venueOrderId, status, executedQty, cumulativeQuote, BigDecimal.ZERO, BigDecimal.ZERO);
    }

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
