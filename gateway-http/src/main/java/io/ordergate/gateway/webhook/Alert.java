package io.ordergate.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.gateway.json.BadRequest;

/**
 * One TradingView alert, from any of the three forms it arrives in (as application/json or text/plain):
 * <ul>
 *   <li>seed 003: {@code {"order_type", "symbol", "botname", "side", "size", "leverage", "takeprofit"}} (strings);</li>
 *   <li>the common alert form: {@code {"bot", "action": "buy|sell|close|closeall", "ticker", "quantity", "sl", "tp", "id"}}
 *       ({@code sl}/{@code tp} are prices; {@code sl_pips}/{@code tp_pips} and {@code risk} are accepted too);</li>
 *   <li>a PineConnector line: {@code bot,buy,EURUSD,risk=1,sl=20,tp=40}, {@code bot,closelong,EURUSD},
 *       {@code bot,closeshort,EURUSD}, {@code bot,closeall}; {@code sl}/{@code tp} in pips, {@code risk} a percent
 *       of equity, {@code qty}/{@code lots} a quantity, optional {@code secret=} and {@code id=}.</li>
 * </ul>
 * {@code leverage} is accepted and ignored: an account's leverage is its own. Not thread safe: one per request.
 */
public final class Alert
{
    String bot;
    String secret;
    int action;
    final GroupRequests.SignalFields signal = new GroupRequests.SignalFields();
    String alertId = "";
    long bodyHash;

    public String bot()
    {
        return bot;
    }

    public String secret()
    {
        return secret;
    }

    public static Alert parse(final byte[] body, final int length) throws BadRequest
    {
        final Alert alert = new Alert();
        alert.bodyHash = fnv(body, length);
        int first = 0;
        while (first < length && Character.isWhitespace(body[first]))
        {
            first++;
        }
        if (first == length)
        {
            throw BadRequest.invalidJson("the alert is empty");
        }
        if (body[first] == '{')
        {
            alert.json(JsonTree.object(body, length));
        }
        else
        {
            alert.line(new String(body, 0, length, StandardCharsets.UTF_8).trim());
        }
        return alert;
    }

    private void json(final Map<String, Object> o) throws BadRequest
    {
        bot = first(JsonTree.string(o, "botname", 64), JsonTree.string(o, "bot", 64), JsonTree.string(o, "bot_id", 64));
        secret = JsonTree.string(o, "secret", 256);
        final String id = JsonTree.string(o, "id", 64);
        alertId = id == null ? "" : id;
        final String actionText = first(JsonTree.string(o, "action", 16), JsonTree.string(o, "side", 16));
        action(GroupRequests.SignalFields.required(actionText, "action"));
        signal.symbol = ticker(first(JsonTree.string(o, "ticker", 64), JsonTree.string(o, "symbol", 64)));
        signal.type(first(JsonTree.string(o, "order_type", 16), JsonTree.string(o, "type", 16)));
        long quantity = JsonTree.decimal(o, "quantity");
        if (quantity == JsonTree.ABSENT)
        {
            quantity = JsonTree.decimal(o, "size");
        }
        if (quantity == JsonTree.ABSENT)
        {
            quantity = JsonTree.decimal(o, "contracts");
        }
        signal.quantity(quantity, "quantity");
        long risk = JsonTree.decimal(o, "risk_percentage");
        if (risk == JsonTree.ABSENT)
        {
            risk = JsonTree.decimal(o, "risk");
        }
        signal.riskPercent(risk, "risk");
        signal.price(JsonTree.decimal(o, "price"));
        long sl = JsonTree.decimal(o, "sl");
        if (sl == JsonTree.ABSENT)
        {
            sl = first(JsonTree.decimal(o, "stoploss"), JsonTree.decimal(o, "stop_loss"));
        }
        long tp = JsonTree.decimal(o, "tp");
        if (tp == JsonTree.ABSENT)
        {
            tp = first(JsonTree.decimal(o, "takeprofit"), JsonTree.decimal(o, "take_profit"));
        }
        signal.stops(sl, tp, JsonTree.decimal(o, "sl_pips"), JsonTree.decimal(o, "tp_pips"));
        requireSize();
    }

    private void line(final String text) throws BadRequest
    {
        final String[] parts = text.split(",");
        if (parts.length < 2)
        {
            throw BadRequest.invalidJson("the alert is neither JSON nor a PineConnector line (bot,buy,SYMBOL,...)");
        }
        bot = parts[0].trim();
        action(parts[1].trim());
        int next = 2;
        if (action != GroupBodies.ACTION_CLOSE_ALL)
        {
            if (parts.length < 3 || parts[2].contains("="))
            {
                throw BadRequest.validation("symbol", "the line needs a symbol after the action");
            }
            signal.symbol = ticker(parts[2].trim());
            next = 3;
        }
        long sl = JsonTree.ABSENT;
        long tp = JsonTree.ABSENT;
        long slPrice = JsonTree.ABSENT;
        long tpPrice = JsonTree.ABSENT;
        for (int i = next; i < parts.length; i++)
        {
            final String part = parts[i].trim();
            final int eq = part.indexOf('=');
            if (eq <= 0)
            {
                throw BadRequest.validation("alert", "expected key=value, found \"" + abbreviate(part) + "\"");
            }
            final String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            final String value = part.substring(eq + 1).trim();
            switch (key)
            {
                case "secret": secret = value; break;
                case "id": alertId = value; break;
                case "risk": signal.riskPercent(JsonTree.decimalText(value, "risk"), "risk"); break;
                case "qty":
                case "lots":
                case "quantity": signal.quantity(JsonTree.decimalText(value, key), key); break;
                case "sl": sl = JsonTree.decimalText(value, "sl"); break;
                case "tp": tp = JsonTree.decimalText(value, "tp"); break;
                case "slprice": slPrice = JsonTree.decimalText(value, "slprice"); break;
                case "tpprice": tpPrice = JsonTree.decimalText(value, "tpprice"); break;
                case "price": signal.price(JsonTree.decimalText(value, "price")); signal.type("limit"); break;
                default: break;  // PineConnector has many options (comment, spread, ...): unknown ones are ignored
            }
        }
        signal.stops(slPrice, tpPrice, sl, tp);
        requireSize();
    }

    private void action(final String text) throws BadRequest
    {
        switch (text.toLowerCase(Locale.ROOT))
        {
            case "buy":
            case "long":
                action = GroupBodies.ACTION_BUY;
                signal.side("buy", "action");
                break;
            case "sell":
            case "short":
                action = GroupBodies.ACTION_SELL;
                signal.side("sell", "action");
                break;
            case "close":
            case "exit":
            case "flat":
                action = GroupBodies.ACTION_CLOSE;
                break;
            case "closelong":
                action = GroupBodies.ACTION_CLOSE_LONG;
                break;
            case "closeshort":
                action = GroupBodies.ACTION_CLOSE_SHORT;
                break;
            case "closeall":
                action = GroupBodies.ACTION_CLOSE_ALL;
                break;
            default:
                throw BadRequest.validation("action", "action must be buy, sell, close, closelong, closeshort or closeall");
        }
    }

    private void requireSize() throws BadRequest
    {
        if (action <= GroupBodies.ACTION_SELL && (signal.flags & (GroupBodies.HAS_QUANTITY | GroupBodies.HAS_RISK_PERCENT)) == 0)
        {
            throw BadRequest.validation("quantity", "a buy or sell alert needs a quantity (size, quantity, qty) or risk");
        }
        if (action != GroupBodies.ACTION_CLOSE_ALL && signal.symbol.isEmpty())
        {
            throw BadRequest.validation("symbol", "the alert needs a symbol (ticker)");
        }
    }

    /** WEBHOOK_SIGNAL for the bot the gateway authenticated. */
    public void encode(final BodyWriter writer, final String botId)
    {
        GroupBodies.signalHead(writer, botId, action);
        signal.encode(writer);
        GroupBodies.signalTail(writer, alertId, bodyHash);
    }

    /** TradingView tickers may carry the exchange ("FX:EURUSD"): the gateway's symbol is the part after it. */
    static String ticker(final String text)
    {
        if (text == null)
        {
            return "";
        }
        final int colon = text.indexOf(':');
        return (colon >= 0 ? text.substring(colon + 1) : text).trim().toUpperCase(Locale.ROOT);
    }

    private static String first(final String a, final String b)
    {
        return a != null ? a : b;
    }

    private static String first(final String a, final String b, final String c)
    {
        return a != null ? a : b != null ? b : c;
    }

    private static long first(final long a, final long b)
    {
        return a != JsonTree.ABSENT ? a : b;
    }

    private static String abbreviate(final String text)
    {
        return text.length() > 24 ? text.substring(0, 24) + "..." : text;
    }

    static long fnv(final byte[] bytes, final int length)
    {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < length; i++)
        {
            hash ^= bytes[i] & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

}
