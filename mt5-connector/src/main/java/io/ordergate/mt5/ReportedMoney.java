package io.ordergate.mt5;

import io.ordergate.fixed.Money;

/**
 * The one decision on money an executor reports (a balance, equity, a close's profit, commission and swap, a synced
 * deal's): it is taken only when it fits the gateway's money scale ({@link Money#DIGITS}) exactly, and one finer is
 * refused by field and value with one message, never rounded: rounded, the account would gain or lose what the
 * terminal never booked (an account in a currency of more decimals, BTC at 8, is not supported: docs/executors.md).
 * Each caller says what became of its message. Stateless: the checks allocate nothing, a refusal's message does.
 */
public final class ReportedMoney
{
    /** The decimal places an MT5 account's money is kept at: the engine's, one scale for every account. */
    public static final int DIGITS = Money.DIGITS;
    public static final String PROFIT = "profit";
    public static final String COMMISSION = "commission";
    public static final String SWAP = "swap";

    private ReportedMoney()
    {
    }

    /** True when the amount at wire digits (8) has no non-zero digit past {@link #DIGITS}. */
    public static boolean fits(final long wireValue)
    {
        return ReportedDecimals.fits(wireValue, DIGITS);
    }

    /** Why {@code field}'s amount (at wire digits) was refused: its value as sent and the scale it does not fit. */
    public static String finer(final String field, final long wireValue)
    {
        return field + " " + ReportedDecimals.text(wireValue) + " has more decimal places than the gateway keeps money at (" + DIGITS + ")";
    }

    /**
     * Why an account whose currency has {@code currencyDigits} decimal places (more than {@link #DIGITS}) cannot be served:
     * every amount it books would be finer than the gateway's money. One scale serves every account in the engine.
     */
    public static String unsupportedCurrency(final String currency, final long currencyDigits)
    {
        return "the account's currency " + (currency == null || currency.isEmpty() ? "(not named)" : currency) + " has " + currencyDigits
            + " decimal places (currencyDigits), more than the gateway keeps money at (" + DIGITS + "): an MT5 account in such a currency"
            + " is not supported";
    }

    /**
     * The first of a close's profit, commission and swap that was given and does not fit: {@link #PROFIT},
     * {@link #COMMISSION} or {@link #SWAP}; null when all given fit. Allocates nothing.
     */
    static String finerField(final boolean profitGiven, final long profit, final boolean commissionGiven, final long commission,
        final boolean swapGiven, final long swap)
    {
        return profitGiven && !fits(profit) ? PROFIT : commissionGiven && !fits(commission) ? COMMISSION : swapGiven && !fits(swap) ? SWAP : null;
    }

    /** {@link #finer} for the field {@link #finerField} named, with its value among the three. */
    static String finer(final String field, final long profit, final long commission, final long swap)
    {
        return finer(field, PROFIT.equals(field) ? profit : COMMISSION.equals(field) ? commission : swap);
    }
}
