package io.ordergate.fixed;

/**
 * The scale of account-currency amounts (balances, margin, profit): cents-scale fixed-point longs.
 * Constants only: safe from any thread.
 */
public final class Money
{
    /** Decimal digits of every money amount: 100000.10 USD is the long 10000010. */
    public static final int DIGITS = 2;

    private Money()
    {
    }
}
