package io.ordergate.exchange.okx;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.exchange.client.ExchangeJson;
import io.ordergate.exchange.client.Hmac;
import io.ordergate.exchange.spi.Credentials;
import io.ordergate.exchange.spi.SocketLogin;

/**
 * OKX's private WebSocket login: {@code {"op": "login", "args": [{"apiKey", "passphrase", "timestamp", "sign"}]}} with
 * the timestamp in Unix seconds and {@code sign} = base64 HMAC-SHA256 of timestamp + {@code GET} +
 * {@code /users/self/verify}; answered {@code {"event": "login", "code": "0"}} or {@code {"event": "error", ...}}; then
 * the {@code orders} (every instrument type) and {@code account} channels, each acknowledged
 * {@code {"event": "subscribe", "arg": {"channel": ...}}} or refused with an error event; {@code ping} every 20 s. Stateless.
 */
final class OkxLogin implements SocketLogin
{
    static final OkxLogin INSTANCE = new OkxLogin();

    private OkxLogin()
    {
    }

    @Override
    public String login(final Credentials credentials, final long exchangeMillis)
    {
        final String timestamp = Long.toString(exchangeMillis / 1_000);
        final String sign = Hmac.sha256Base64(credentials.apiSecret(), timestamp + "GET" + "/users/self/verify");
        return ExchangeJson.write(Map.of("op", "login", "args", List.of(Map.of("apiKey", credentials.apiKey(), "passphrase",
            credentials.passphrase() == null ? "" : credentials.passphrase(), "timestamp", timestamp, "sign", sign))));
    }

    @Override
    public Boolean loggedIn(final String text)
    {
        try
        {
            final JsonNode json = ExchangeJson.read(text);
            final String event = json.path("event").asText();
            if ("login".equals(event))
            {
                return "0".equals(json.path("code").asText());
            }
            return "error".equals(event) ? Boolean.FALSE : null;
        }
        catch (final IOException ex)
        {
            return null;
        }
    }

    @Override
    public List<String> subscriptions()
    {
        return List.of(ExchangeJson.write(Map.of("op", "subscribe", "args", List.of(Map.of("channel", "orders", "instType", "ANY"),
            Map.of("channel", "account")))));
    }

    @Override
    public Boolean subscribed(final String text)
    {
        if (!text.startsWith("{"))
        {
            return null;  // pong
        }
        try
        {
            final JsonNode json = ExchangeJson.read(text);
            final String event = json.path("event").asText();
            if ("subscribe".equals(event))
            {
                return "orders".equals(json.path("arg").path("channel").asText()) ? Boolean.TRUE : null;
            }
            return "error".equals(event) ? Boolean.FALSE : null;
        }
        catch (final IOException ex)
        {
            return null;
        }
    }

    @Override
    public String ping()
    {
        return "ping";
    }

    @Override
    public long pingMillis()
    {
        return 20_000;
    }
}
