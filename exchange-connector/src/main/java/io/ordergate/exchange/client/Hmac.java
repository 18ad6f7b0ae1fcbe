package io.ordergate.exchange.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 from the JDK, as exchanges sign requests. Stateless: safe from any thread. */
public final class Hmac
{
    private Hmac()
    {
    }

    /** Hex of the MAC (Binance, Bybit). */
    public static String sha256Hex(final String secret, final String payload)
    {
        return HexFormat.of().formatHex(sha256(secret, payload));
    }

    /** Base64 of the MAC (OKX). */
    public static String sha256Base64(final String secret, final String payload)
    {
        return java.util.Base64.getEncoder().encodeToString(sha256(secret, payload));
    }

    private static byte[] sha256(final String secret, final String payload)
    {
        try
        {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
        }
    }
}
