package io.ordergate.exchange.spi;

/**
 * An exchange account's API credentials, decrypted only for the moment a request is signed. {@link #toString} and
 * {@link #masked} never show the secret. Immutable: safe from any thread.
 *
 * @param passphrase the third secret some exchanges ask for (OKX), or null
 */
public record Credentials(String apiKey, String apiSecret, String passphrase)
{
    /** The key as answers and logs may show it: its first and last four characters, {@code AbCd…wXyZ}. */
    public static String masked(final String apiKey)
    {
        if (apiKey == null || apiKey.length() < 12)
        {
            return "****";
        }
        return apiKey.substring(0, 4) + "\u2026" + apiKey.substring(apiKey.length() - 4);
    }

    @Override
    public String toString()
    {
        return "Credentials{" + masked(apiKey) + "}";
    }
}
