package io.ordergate.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.fixed.FixedPoint;
import io.ordergate.gateway.groups.SignalFields;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.Decimals;
import io.ordergate.gateway.json.RequestReader;
import io.ordergate.gateway.json.Utf8;

/**
 * One TradingView alert, from any of the forms it arrives in (as application/json or text/plain):
 * <ul>
 *   <li>seed 003: {@code {"order_type", "symbol", "botname", "side", "size", "leverage", "takeprofit"}} (strings);</li>
 *   <li>the common alert form: {@code {"bot", "action": "buy|sell|close|closeall", "ticker", "quantity", "sl", "tp", "id"}}
 *       ({@code sl}/{@code tp} are prices; {@code sl_pips}/{@code tp_pips} and {@code risk} are accepted too);</li>
 *   <li>a PineConnector line ({@link AlertLine}).</li>
 * </ul>
 * Values may be strings or numbers; an empty string is a value not given (alert templates leave placeholders empty);
 * decimals follow the one grammar ({@link Decimals}). Fields an alert template adds and no form uses are ignored, as
 * TradingView users put what they like in them. {@code leverage} is ignored: an account's leverage is its own.
 * <b>Not thread safe</b>: one per request.
 */
public final class Alert
{
    private static final String[] FIELDS = {
        "botname", "bot", "bot_id", "secret", "id", "action", "side", "ticker", "symbol", "order_type", "type",
        "quantity", "size", "contracts", "risk_percentage", "risk", "price", "sl", "stoploss", "stop_loss", "tp", "takeprofit",
        "take_profit", "sl_pips", "tp_pips", "time", "timenow", "timestamp"};
    /** {@link #sentAtMillis} of an alert that does not say when it was sent. */
    public static final long NO_TIME = Long.MIN_VALUE;
    /** Below this an epoch number is seconds, above it milliseconds (10^11 s is the year 5138). */
    private static final long EPOCH_MILLIS_FROM = 100_000_000_000L;
    private static final int MAX_TEXT = 256;
    static final String STOP_LOSS_PRICE = "a stop-loss price";
    static final String TAKE_PROFIT_PRICE = "a take-profit price";
    static final String STOP_LOSS_PIPS = "a stop-loss distance in pips";
    static final String TAKE_PROFIT_PIPS = "a take-profit distance in pips";

    String bot;
    String secret;
    int action;
    final SignalFields signal = new SignalFields();
    String alertId = "";
    long bodyHash;
    long sentAtMillis = NO_TIME;

    public String bot()
    {
        return bot;
    }

    public String secret()
    {
        return secret;
    }

    /** The alert's own id ({@code id}), or empty. */
    public String alertId()
    {
        return alertId;
    }

    /** When the alert says it was sent ({@code time}, {@code timenow} or {@code timestamp}), or {@link #NO_TIME}. */
    public long sentAtMillis()
    {
        return sentAtMillis;
    }

    /** Names the alert by its signature (a signed alert without its own id): the same signed body is the same alert. */
    void alertId(final String id)
    {
        alertId = id;
    }

    /**
     * Reads a JSON alert or a PineConnector line; 400 INVALID_JSON for a body that is neither. {@code bodyFingerprint}
     * names the raw body for the engine's window of identical bodies ({@code BotSecrets#bodyFingerprint}: keyed, since
     * the body may carry the secret).
     */
    public static Alert parse(final RequestReader in, final byte[] body, final int length, final long bodyFingerprint) throws BadRequest
    {
        Utf8.check(body, length);
        final Alert alert = new Alert();
        alert.bodyHash = bodyFingerprint;
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
            alert.json(in, body, length);
        }
        else if (body[first] == '[')
        {
            // read as a line it was cut at its commas and refused on an "action" that was buy all along
            throw BadRequest.invalidJson("an alert is one JSON object (or a PineConnector line), not an array: send one alert per request");
        }
        else
        {
            AlertLine.read(alert, new String(body, 0, length, StandardCharsets.UTF_8).trim());
        }
        return alert;
    }

    private void json(final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        in.begin(body, length, false);
        final String[] values = new String[FIELDS.length];
        while (in.nextField())
        {
            final String field = in.fieldName();
            final int index = indexOf(field);
            if (index < 0)
            {
                in.ignore();
                continue;
            }
            final String text = in.scalarText();
            if (text == null && !in.isNull())
            {
                in.fail(field, field + " must be a string or a number");
                in.ignore();
            }
            else if (text != null && text.length() > MAX_TEXT)
            {
                in.fail(field, field + " is longer than " + MAX_TEXT + " characters");
            }
            else if (text != null && !text.isEmpty())
            {
                values[index] = text;
            }
        }
        in.finish();
        bot = first(values, "botname", "bot", "bot_id");
        secret = first(values, "secret");
        final String id = first(values, "id");
        alertId = id == null ? "" : SignalFields.key(id, "id");
        sentAtMillis = time(first(values, "time", "timenow", "timestamp"));
        final String actionText = first(values, "action", "side");
        if (actionText == null)
        {
            throw BadRequest.validation("action", "action is required");
        }
        action(actionText);
        signal.symbol(ticker(first(values, "ticker", "symbol")));
        signal.type(first(values, "order_type", "type"), "type");
        // refusals name the field as the alert spelled it ("size must be greater than 0" for a size of 0)
        signal.quantity(decimal(values, "quantity", "size", "contracts"), given(values, "quantity", "size", "contracts"));
        signal.riskPercent(decimal(values, "risk_percentage", "risk"), given(values, "risk_percentage", "risk"));
        signal.price(decimal(values, "price"));
        signal.stops(level(values, STOP_LOSS_PRICE, "sl", "stoploss", "stop_loss"), level(values, TAKE_PROFIT_PRICE, "tp", "takeprofit", "take_profit"),
            level(values, STOP_LOSS_PIPS, "sl_pips"), level(values, TAKE_PROFIT_PIPS, "tp_pips"));
        requireSize();
    }

    void action(final String text) throws BadRequest
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

    void requireSize() throws BadRequest
    {
        if (action <= GroupBodies.ACTION_SELL && !signal.hasSize())
        {
            throw BadRequest.validation("quantity", "a buy or sell alert needs a quantity (size, quantity, qty) or risk");
        }
        if (action != GroupBodies.ACTION_CLOSE_ALL && signal.symbol().isEmpty())
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

    /**
     * An alert's time: an ISO-8601 instant (TradingView's {@code {{timenow}}}, {@code 2024-01-15T10:30:00Z}) or Unix
     * seconds or milliseconds; {@link #NO_TIME} for none.
     */
    static long time(final String text) throws BadRequest
    {
        if (text == null)
        {
            return NO_TIME;
        }
        try
        {
            if (!text.isEmpty() && text.chars().allMatch(Character::isDigit) && text.length() <= 15)
            {
                final long number = Long.parseLong(text);
                return number < EPOCH_MILLIS_FROM ? number * 1000L : number;
            }
            return java.time.Instant.parse(text).toEpochMilli();
        }
        catch (final java.time.format.DateTimeParseException | ArithmeticException ex)
        {
            throw BadRequest.validation("time", "time must be an ISO-8601 instant (2024-01-15T10:30:00Z) or Unix seconds or milliseconds");
        }
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

    /** A decimal of the one grammar, at wire digits; {@link SignalFields#ABSENT} for null. */
    static long decimal(final String text, final String field) throws BadRequest
    {
        if (text == null)
        {
            return SignalFields.ABSENT;
        }
        final long parsed = Decimals.parse(text, NewOrderBody.WIRE_DIGITS);
        if (parsed == FixedPoint.TOO_MANY_DIGITS)
        {
            throw BadRequest.validation(field, field + " has more than " + NewOrderBody.WIRE_DIGITS + " decimal places");
        }
        if (FixedPoint.isError(parsed))
        {
            throw BadRequest.validation(field, field + " must be a number");
        }
        return parsed;
    }

    /** The first of {@code names} given, as a stop or target level ({@link #level(String, String, String)}); ABSENT for none. */
    private static long level(final String[] values, final String kind, final String... names) throws BadRequest
    {
        for (final String name : names)
        {
            final String text = values[indexOf(name)];
            if (text != null)
            {
                return level(text, name, kind);
            }
        }
        return SignalFields.ABSENT;
    }

    /**
     * A stop or target ({@code kind}: a price, or a distance in pips): above 0. A 0 is no level (alert templates put 0 for
     * "none"); let through, the engine would refuse it later by the side of the entry, naming neither the alert's field
     * nor its value, so it is refused here with both and the rule.
     */
    static long level(final String text, final String field, final String kind) throws BadRequest
    {
        final long value = decimal(text, field);
        if (value <= 0)
        {
            throw BadRequest.validation(field, field + " is " + text + ": " + kind + " must be above 0 (leave " + field + " out for none)");
        }
        return value;
    }

    private static long decimal(final String[] values, final String... names) throws BadRequest
    {
        for (final String name : names)
        {
            final String text = values[indexOf(name)];
            if (text != null)
            {
                return decimal(text, name);
            }
        }
        return SignalFields.ABSENT;
    }

    /** The first of {@code names} the alert gives, or the first name when it gives none. */
    private static String given(final String[] values, final String... names)
    {
        for (final String name : names)
        {
            if (values[indexOf(name)] != null)
            {
                return name;
            }
        }
        return names[0];
    }

    private static String first(final String[] values, final String... names)
    {
        for (final String name : names)
        {
            final String text = values[indexOf(name)];
            if (text != null)
            {
                return text;
            }
        }
        return null;
    }

    private static int indexOf(final String field)
    {
        for (int i = 0; i < FIELDS.length; i++)
        {
            if (FIELDS[i].equals(field))
            {
                return i;
            }
        }
        return -1;
    }
}
