package io.ordergate.gateway.webhooksout;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Ordergate-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">} with the webhook's secret
 * (the JDK's {@code HmacSHA256}): the receiver recomputes it, compares in constant time, and refuses a {@code t} too
 * far from its clock (a replay). Stateless: safe from any thread.
 */
final class WebhookSigner
{
    static final String HEADER = "X-Ordergate-Signature";

    private WebhookSigner()
    {
    }

    static String signature(final byte[] secret, final long unixSeconds, final byte[] body)
    {
        try
        {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(Long.toString(unixSeconds).getBytes(StandardCharsets.US_ASCII));
            mac.update((byte)'.');
            mac.update(body);
            return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(mac.doFinal());
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
        }
    }
}
