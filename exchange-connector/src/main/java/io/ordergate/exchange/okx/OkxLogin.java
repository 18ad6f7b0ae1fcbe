package io.ordergate.exchange.okx;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
        return answer(text, "login", json -> "0".equals(json.path("code").asText()));
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
        return answer(text, "subscribe", json -> "orders".equals(json.path("arg").path("channel").asText()) ? Boolean.TRUE : null);
    }

    /**
     * What a text says to what was sent: {@code event}'s answer as {@code read} sees it, FALSE for an error event, null
     * for anything else (a push, a pong, another answer).
     */
    private static Boolean answer(final String text, final String event, final Function<JsonNode, Boolean> read)
    {
        try
        {
            final JsonNode json = ExchangeJson.read(text);
            final String said = json.path("event").asText();
            if (event.equals(said))
            {
                return read.apply(json);
            }
            return "error".equals(said) ? Boolean.FALSE : null;
        }
        catch (final IOException notJson)
        {
            return null;  // pong
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
