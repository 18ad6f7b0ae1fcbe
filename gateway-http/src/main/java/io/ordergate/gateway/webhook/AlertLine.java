package io.ordergate.gateway.webhook;

import java.util.Locale;

import io.ordergate.engine.command.GroupBodies;
import io.ordergate.gateway.groups.SignalFields;
import io.ordergate.gateway.json.BadRequest;

/**
 * A PineConnector alert line: {@code bot,buy,EURUSD,risk=1,sl=20,tp=40}, {@code bot,closelong,EURUSD},
 * {@code bot,closeshort,EURUSD}, {@code bot,closeall}; {@code sl}/{@code tp} in pips ({@code slprice}/{@code tpprice}
 * as prices), {@code risk} a percent of equity, {@code qty}/{@code lots} a quantity, optional {@code secret=},
 * {@code id=} and {@code time=}. PineConnector has many more options (comment, spread...): those are ignored. Stateless.
 */
final class AlertLine
{
    private AlertLine()
    {
    }

    static void read(final Alert alert, final String text) throws BadRequest
    {
        final String[] parts = text.split(",");
        if (parts.length < 2)
        {
            throw BadRequest.invalidJson("the alert is neither JSON nor a PineConnector line (bot,buy,SYMBOL,...)");
        }
        alert.bot = parts[0].trim();
        alert.action(parts[1].trim());
        int next = 2;
        if (alert.action != GroupBodies.ACTION_CLOSE_ALL)
        {
            if (parts.length < 3 || parts[2].contains("="))
            {
                throw BadRequest.validation("symbol", "the line needs a symbol after the action");
            }
            alert.signal.symbol(Alert.ticker(parts[2].trim()));
            next = 3;
        }
        long sl = SignalFields.ABSENT;
        long tp = SignalFields.ABSENT;
        long slPrice = SignalFields.ABSENT;
        long tpPrice = SignalFields.ABSENT;
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
                case "secret": alert.secret = value; break;
                case "id": alert.alertId = SignalFields.key(value, "id"); break;
                case "time": alert.sentAtMillis = Alert.time(value); break;
                case "risk": alert.signal.riskPercent(Alert.decimal(value, "risk"), "risk"); break;
                case "qty":
                case "lots":
                case "quantity": alert.signal.quantity(Alert.decimal(value, key), key); break;
                case "sl": sl = Alert.level(value, "sl", Alert.STOP_LOSS_PIPS); break;
                case "tp": tp = Alert.level(value, "tp", Alert.TAKE_PROFIT_PIPS); break;
                case "slprice": slPrice = Alert.level(value, "slprice", Alert.STOP_LOSS_PRICE); break;
                case "tpprice": tpPrice = Alert.level(value, "tpprice", Alert.TAKE_PROFIT_PRICE); break;
                case "price": alert.signal.price(Alert.decimal(value, "price")); alert.signal.type("limit", "type"); break;
                default: break;
            }
        }
        alert.signal.stops(slPrice, tpPrice, sl, tp);
        alert.requireSize();
    }

    private static String abbreviate(final String text)
    {
        return text.length() > 24 ? text.substring(0, 24) + "..." : text;
    }
}
