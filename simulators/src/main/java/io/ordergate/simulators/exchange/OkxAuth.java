package io.ordergate.simulators.exchange;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The simulated OKX's keys and its checks on a private request, in OKX's order: the four {@code OK-ACCESS-*} headers
 * present (50103, 50104, 50106, 50107), the timestamp an ISO 8601 instant (50112) within 30 s of the server (50102),
 * an {@code expTime} not passed (50102), the key known (50111), its passphrase (50105), then {@code OK-ACCESS-SIGN}: base64
 * HMAC-SHA256 of timestamp + method + request path with its query + body (50113). The private WebSocket's login is
 * checked the same way over timestamp (seconds) + {@code GET} + {@code /users/self/verify}. A demo-trading key (OKX's demo
 * environment) must come with {@code x-simulated-trading: 1} and a live key without it, as OKX has it (50101 "APIKey does
 * not match current environment"). Thread safe.
 */
final class OkxAuth
{
    static final long WINDOW_MILLIS = 30_000;

    private final SpotMarket market;
    private final Map<String, String> passphrases = new ConcurrentHashMap<>();
    private final Set<String> demoKeys = ConcurrentHashMap.newKeySet();

    OkxAuth(final SpotMarket market)
    {
        this.market = market;
    }

    void passphrase(final String apiKey, final String passphrase)
    {
        passphrases.putIfAbsent(apiKey, passphrase);
    }

    /** The key is one of OKX's demo-trading keys: its REST requests must say {@code x-simulated-trading: 1}. */
    void demoTrading(final String apiKey)
    {
        demoKeys.add(apiKey);
    }

    /** The account of a correctly signed, timely REST request; throws OKX's error otherwise. */
    SpotAccount rest(final io.netty.handler.codec.http.HttpHeaders headers, final String method, final String pathAndQuery, final String body)
    {
        final String key = header(headers, "OK-ACCESS-KEY", "50103");
        final String sign = header(headers, "OK-ACCESS-SIGN", "50106");
        final String timestamp = header(headers, "OK-ACCESS-TIMESTAMP", "50107");
        final String passphrase = header(headers, "OK-ACCESS-PASSPHRASE", "50104");
        final long millis;
        try
        {
            millis = Instant.parse(timestamp).toEpochMilli();
        }
        catch (final DateTimeParseException ex)
        {
            throw OkxError.auth("50112", "Invalid OK-ACCESS-TIMESTAMP");
        }
        final long now = market.now();
        if (Math.abs(now - millis) > WINDOW_MILLIS)
        {
            throw OkxError.auth("50102", "Timestamp request expired");
        }
        final String expTime = headers.get("expTime");
        if (expTime != null && now > parseLong(expTime))
        {
            throw OkxError.auth("50102", "Timestamp request expired");
        }
        final SpotAccount account = account(key, passphrase, "50111", "Invalid OK-ACCESS-KEY", "50105", "Invalid OK-ACCESS-PASSPHRASE");
        if (!same(signature(account.apiSecret(), timestamp + method + pathAndQuery + body), sign))
        {
            throw OkxError.auth("50113", "Invalid Sign");
        }
        if (demoKeys.contains(key) != "1".equals(headers.get("x-simulated-trading")))
        {
            throw OkxError.auth("50101", "APIKey does not match current environment.");
        }
        return account;
    }

    /** The account a WebSocket login's arguments prove; throws with OKX's WebSocket codes (60005, 60024, 60006, 60007) otherwise. */
    SpotAccount login(final Map<?, ?> args)
    {
        final String key = String.valueOf(args.get("apiKey"));
        final String timestamp = String.valueOf(args.get("timestamp"));
        final SpotAccount account = account(key, String.valueOf(args.get("passphrase")), "60005", "Invalid apiKey", "60024", "Wrong passphrase");
        final long seconds = parseLong(timestamp);
        if (Math.abs(market.now() / 1_000 - seconds) > WINDOW_MILLIS / 1_000)
        {
            throw new OkxError(200, "60006", "Timestamp request expired");
        }
        if (!same(signature(account.apiSecret(), timestamp + "GET" + "/users/self/verify"), String.valueOf(args.get("sign"))))
        {
            throw new OkxError(200, "60007", "Invalid sign");
        }
        return account;
    }

    private SpotAccount account(final String key, final String passphrase, final String keyCode, final String keyMessage, final String passCode,
        final String passMessage)
    {
        final SpotAccount account = market.accountByKey(key);
        final String expected = passphrases.get(key);
        if (account == null || expected == null)
        {
            throw OkxError.auth(keyCode, keyMessage);
        }
        if (!same(expected, passphrase))
        {
            throw OkxError.auth(passCode, passMessage);
        }
        return account;
    }

    private static String header(final io.netty.handler.codec.http.HttpHeaders headers, final String name, final String code)
    {
        final String value = headers.get(name);
        if (value == null || value.isEmpty())
        {
            throw OkxError.auth(code, "Request header " + name + " cannot be empty.");
        }
        return value;
    }

    private static long parseLong(final String text)
    {
        try
        {
            return Long.parseLong(text);
        }
        catch (final NumberFormatException ex)
        {
            throw OkxError.auth("50112", "Invalid OK-ACCESS-TIMESTAMP");
        }
    }

    private static boolean same(final String expected, final String given)
    {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), String.valueOf(given).getBytes(StandardCharsets.UTF_8));
    }

    static String signature(final String secret, final String payload)
    {
        try
        {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", ex);
        }
    }
}
