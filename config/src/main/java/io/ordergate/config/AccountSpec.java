package io.ordergate.config;

import java.util.regex.Pattern;

import io.ordergate.fixed.FixedPoint;
import io.ordergate.fixed.Money;

/**
 * A trading account created at start-up: its id, venue, currency, opening balance and leverage.
 * Immutable: safe from any thread.
 */
public final class AccountSpec
{
    static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    public static final int MAX_LEVERAGE = 1000;

    private final String accountId;
    private final VenueKind venue;
    private final String currency;
    private final long balance;
    private final int leverage;

    AccountSpec(final String accountId, final VenueKind venue, final String currency, final long balance,
        final int leverage)
    {
        this.accountId = accountId;
        this.venue = venue;
        this.currency = currency;
        this.balance = balance;
        this.leverage = leverage;
    }

    static AccountSpec read(final YamlSection s)
    {
        final String id = s.matching("account_id", null, ACCOUNT_ID, "1 to 64 of A-Z a-z 0-9 . _ -");
        final String venueName = s.matching("venue", VenueKind.PAPER.configName(),
            Pattern.compile("paper|mt5|binance|okx"), "paper, mt5, binance or okx");
        final String currency = s.matching("currency", null, InstrumentSpec.CURRENCY, "3 capital letters");
        final long balance = s.decimal("balance", Money.DIGITS, Money.DIGITS + " decimal places");
        if (balance < 0)
        {
            throw new ConfigException(s.pathOf("balance"),
                "must not be negative, was " + FixedPoint.toString(balance, Money.DIGITS));
        }
        final int leverage = s.intValue("leverage", 1, 1, MAX_LEVERAGE);
        s.finish();
        return new AccountSpec(id, VenueKind.fromConfigName(venueName), currency, balance, leverage);
    }

    public String accountId()
    {
        return accountId;
    }

    public VenueKind venue()
    {
        return venue;
    }

    /** Account currency: 3 capital letters. */
    public String currency()
    {
        return currency;
    }

    /** Opening balance in money units ({@link Money#DIGITS}). */
    public long balance()
    {
        return balance;
    }

    /** 1 (no leverage) to 1000. */
    public int leverage()
    {
        return leverage;
    }

    @Override
    public String toString()
    {
        return "AccountSpec{" + accountId + ", venue=" + venue.configName() + ", " +
            FixedPoint.toString(balance, Money.DIGITS) + ' ' + currency + ", leverage=" + leverage + '}';
    }
}
