package io.ordergate.gateway.accounts;

import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestReader;

/**
 * The exchange credentials an account body may carry ({@code api_key}, {@code api_secret}, {@code passphrase},
 * {@code testnet} or seed 003's {@code is_testnet}), and the account's {@code market_type} ({@code spot}, the default, or
 * {@code futures}: Binance USDⓈ-M), read from the fields of a body being decoded. Plain text, held
 * only until the exchange feature seals it. <b>Not thread safe</b>: one per request.
 */
public final class ExchangeCredentialFields
{
    public static final int MAX_LENGTH = 512;
    private static final String[] MARKET_TYPES = {"spot", "futures"};

    private String apiKey;
    private String apiSecret;
    private String passphrase;
    private boolean testnet;
    private boolean futures;
    private boolean marketGiven;
    private boolean any;

    /** Reads the field if it is one of these; false for any other field. */
    public boolean read(final RequestReader in, final String name) throws BadRequest
    {
        switch (name)
        {
            case "api_key": apiKey = in.string(name, MAX_LENGTH); break;
            case "api_secret": apiSecret = in.string(name, MAX_LENGTH); break;
            case "passphrase": passphrase = in.string(name, MAX_LENGTH); break;
            case "testnet":
            case "is_testnet":
                testnet = in.bool(name) == 1;
                break;
            case "market_type":
                futures = in.choice(name, MARKET_TYPES, "spot or futures") == 1;
                marketGiven = true;
                break;
            default: return false;
        }
        any = true;
        return true;
    }

    /** Any credential field given (then the key and the secret are required: {@link #require}). */
    public boolean given()
    {
        return any;
    }

    /** Fails the body on the field when the key or the secret is missing. */
    public void require(final RequestReader in)
    {
        if (apiKey == null || apiKey.isBlank())
        {
            in.fail("api_key", "api_key is required");
        }
        if (apiSecret == null || apiSecret.isBlank())
        {
            in.fail("api_secret", "api_secret is required");
        }
    }

    /**
     * As {@link #require(RequestReader)}, and for an okx account the passphrase too (OKX signs every request with it);
     * an okx account trades spot, so {@code market_type: futures} is refused for it.
     */
    public void require(final RequestReader in, final int venue)
    {
        require(in);
        if (venue == io.ordergate.config.VenueKind.OKX.code())
        {
            if (passphrase() == null)
            {
                in.fail("passphrase", "passphrase is required for an okx account (OKX signs every request with it)");
            }
            if (futures)
            {
                in.fail("market_type", "market_type futures is for binance accounts (an okx account trades spot)");
            }
        }
    }

    public String apiKey()
    {
        return apiKey;
    }

    public String apiSecret()
    {
        return apiSecret;
    }

    /** The passphrase (OKX-style exchanges), or null when none or empty. */
    public String passphrase()
    {
        return passphrase == null || passphrase.isEmpty() ? null : passphrase;
    }

    public boolean testnet()
    {
        return testnet;
    }

    /** {@code market_type: futures}: a Binance USDⓈ-M futures account. */
    public boolean futures()
    {
        return futures;
    }

    /** Sets the account's market type, as only a create may. */
    public void futures(final boolean value)
    {
        futures = value;
        marketGiven = true;
    }

    public boolean marketGiven()
    {
        return marketGiven;
    }

    @Override
    public String toString()
    {
        return "ExchangeCredentialFields{testnet=" + testnet + "}";  // never the secrets
    }
}
