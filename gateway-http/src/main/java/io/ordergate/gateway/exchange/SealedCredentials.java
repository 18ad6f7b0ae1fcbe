package io.ordergate.gateway.exchange;

import io.ordergate.config.VenueKind;

/**
 * An account's sealed credentials as the journal holds them, its market and its exchange; opened with the master key
 * only to sign ({@link LinkOpening}).
 *
 * @param futures a USDⓈ-M futures account; null when not said (new credentials alone keep the account's market)
 * @param venue binance or okx; null when not said (new credentials alone keep the account's venue; binance for a new one)
 */
record SealedCredentials(boolean testnet, String key, String secret, String passphrase, Boolean futures, VenueKind venue)
{
    /** Credentials alone: the account's market and venue are not said (kept as they were). */
    SealedCredentials(final boolean testnet, final String key, final String secret, final String passphrase)
    {
        this(testnet, key, secret, passphrase, null, null);
    }

    /** A binance account's credentials and market. */
    SealedCredentials(final boolean testnet, final String key, final String secret, final String passphrase, final Boolean futures)
    {
        this(testnet, key, secret, passphrase, futures, null);
    }

    VenueKind venueOrBinance()
    {
        return venue == null ? VenueKind.BINANCE : venue;
    }

    boolean futuresMarket()
    {
        return Boolean.TRUE.equals(futures);
    }

    @Override
    public String toString()
    {
        return "SealedCredentials{testnet=" + testnet + "}";
    }
}
