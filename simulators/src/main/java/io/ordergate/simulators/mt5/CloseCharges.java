package io.ordergate.simulators.mt5;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a close costs at the simulated broker, per lot: the commission charged (a positive rate, booked negative as MT5
 * books it) and the swap as booked (negative is a charge). Immutable.
 */
record CloseCharges(BigDecimal commissionPerLot, BigDecimal swapPerLot)
{
    static final CloseCharges NONE = new CloseCharges(BigDecimal.ZERO, BigDecimal.ZERO);

    /** The commission of closing {@code lots}, as the deal books it (negative, to the cent). */
    BigDecimal commission(final BigDecimal lots)
    {
        return commissionPerLot.multiply(lots).negate().setScale(2, RoundingMode.HALF_EVEN);
    }

    BigDecimal swap(final BigDecimal lots)
    {
        return swapPerLot.multiply(lots).setScale(2, RoundingMode.HALF_EVEN);
    }
}
