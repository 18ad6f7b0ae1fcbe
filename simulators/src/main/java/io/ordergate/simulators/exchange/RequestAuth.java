package io.ordergate.simulators.exchange;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The exchange's checks on a signed request, in its order: the key header ({@code X-MBX-APIKEY}: -2014 when
 * missing or malformed, -2015 when unknown), then {@code timestamp} and {@code recvWindow} (-1021 outside the
 * window or 1000 ms ahead of the server), then the HMAC-SHA256 {@code signature} over the query string followed
 * by the body, as sent, without the signature pair itself (-1022). Stateless: safe from any thread.
 */
final class RequestAuth
{
    static final long DEFAULT_RECV_WINDOW = 5_000;
    static final long MAX_RECV_WINDOW = 60_000;
    private static final long AHEAD_MILLIS = 1_000;

    private RequestAuth()
    {
    }

    /** The account a key header names, for routes that need only the key (user-data stream). */
    static SpotAccount keyed(final String apiKey, final SpotMarket market)
    {
        if (apiKey == null || apiKey.isEmpty() || apiKey.length() > 256)
        {
            throw new ExchangeError(401, -2014, "API-key format invalid.");
        }
        final SpotAccount account = market.accountByKey(apiKey);
        if (account == null)
        {
            throw new ExchangeError(401, -2015, "Invalid API-key, IP, or permissions for action.");
        }
        return account;
    }

    /** The account of a correctly signed, timely request; throws the exchange's error otherwise. */
    static SpotAccount signed(final String apiKey, final Params params, final SpotMarket market, final long serverMillis)
    {
        final SpotAccount account = keyed(apiKey, market);
        final long timestamp = params.mandatoryLong("timestamp");
        final long recvWindow = params.optionalLong("recvWindow", DEFAULT_RECV_WINDOW);
        if (recvWindow <= 0 || recvWindow > MAX_RECV_WINDOW)
        {
            throw ExchangeError.badRequest(-1131, "recvWindow must be less than 60000");
        }
        if (timestamp >= serverMillis + AHEAD_MILLIS)
        {
            throw ExchangeError.badRequest(-1021, "Timestamp for this request was 1000ms ahead of the server's time.");
        }
        if (serverMillis - timestamp > recvWindow)
        {
            throw ExchangeError.badRequest(-1021, "Timestamp for this request is outside of the recvWindow.");
        }
        final String signature = params.optional("signature");
        if (signature == null)
        {
            throw ExchangeError.mandatory("signature");
        }
        final String payload = withoutSignature(params.rawQuery()) + withoutSignature(params.rawBody());
        final byte[] expected = hmacHex(account.apiSecret(), payload).getBytes(StandardCharsets.US_ASCII);
        final byte[] given = signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given))
        {
            throw ExchangeError.badRequest(-1022, "Signature for this request is not valid.");
        }
        return account;
    }

    /** The raw text with its {@code signature=...} pair (and the '&' joining it) taken out. */
    static String withoutSignature(final String raw)
    {
        if (raw.isEmpty())
        {
            return raw;
        }
        final StringBuilder kept = new StringBuilder(raw.length());
        for (final String pair : raw.split("&", -1))
        {
            if (pair.startsWith("signature="))
            {
                continue;
            }
            if (kept.length() > 0)
            {
                kept.append('&');
            }
            kept.append(pair);
        }
        return kept.toString();
    }

    static String hmacHex(final String secret, final String payload)
    {
        try
        {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
        }
    }
}
