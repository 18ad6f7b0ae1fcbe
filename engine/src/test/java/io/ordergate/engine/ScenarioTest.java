package io.ordergate.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.VenueKind;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.command.TimeInForce;

/**
 * Runs every {@code scenarios/*.txt}: commands and the answers expected after them, one per line, on a fresh
 * engine with {@link EngineDriver#CONFIG}. The format:
 *
 * <pre>
 *   # comment
 *   account paper-2 USD 10000 100 [hedging]        create an account (currency, balance, leverage, position mode)
 *   account fut-1 USD 1000 1 futures                an account at a futures exchange (see futures-leverage)
 *   futures-leverage BTCUSD 10                      the futures exchange holds the symbol at that leverage
 *   risk paper-1 max_notional 10000                 one risk limit, by its API name
 *   wait 1.5                                        move the clock (seconds)
 *   quote EURUSD 1.08420 1.08428
 *   order paper-1 buy market EURUSD 0.10 [price=] [sl=] [tp=] [sl_pips=] [tp_pips=] [sl_pct=] [tp_pct=]
 *         [trail_pct=] [trail_pips=] [tif=ioc] [cid=a1]
 *   cancel 3 | cancel last                          order id, or the last order answered
 *   close paper-1 EURUSD [0.05]                     the account's position in the symbol, fully or partly;
 *                                                   EURUSD#2 names a hedging account's second position in it
 *   modify paper-1 EURUSD [sl=1.08|none] [tp=...]
 *   pause paper-1 | resume paper-1 | close-all paper-1
 *   digest                                          remember the state digest
 *   expect CREATED [status=filled average_price=1.08428 ...]   result of the last command; fields of its order or JSON
 *   expect account paper-1 balance=100010 equity=100010
 *   expect position paper-1 EURUSD quantity=0.2 side=buy | expect position paper-1 EURUSD none
 *   expect positions paper-1 EURUSD count=2         how many open positions (a hedging account's, in the symbol)
 *   expect order last|ID status=filled origin=stop_loss
 *   expect digest unchanged
 * </pre>
 * Numbers compare as decimals ({@code 1.0842} equals {@code 1.08420}); {@code null} matches a JSON null.
 */
class ScenarioTest
{
    @TestFactory
    Stream<DynamicTest> scenarios() throws IOException, URISyntaxException
    {
        final Path directory = Path.of(ScenarioTest.class.getResource("/scenarios").toURI());
        final List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(directory))
        {
            list.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(files::add);
        }
        assertFalse(files.isEmpty(), "no scenarios in " + directory);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), file.toUri(), () -> run(file)));
    }

    static void run(final Path file) throws IOException
    {
        final Runner runner = new Runner();
        final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++)
        {
            final String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#"))
            {
                continue;
            }
            try
            {
                runner.line(line.split("\\s+"));
            }
            catch (final AssertionError | RuntimeException ex)
            {
                throw new AssertionError(file.getFileName() + ":" + (i + 1) + ": " + line + "\n  " + ex.getMessage(), ex);
            }
        }
        runner.driver.digest();  // every scenario's final state (trailing stops, hedging legs, ...) round trips a snapshot
    }

    private static final class Runner
    {
        private final EngineDriver driver = new EngineDriver(ConfigLoader.parse(EngineDriver.CONFIG, "scenario"));
        private CommandEvent last;
        private long lastOrderId;
        private long savedDigest;
        private FuturesLeverageVenue futures;

        Runner()
        {
            EngineDriver.expect(ResultCode.CREATED, driver.createAccount("paper-1", "USD", "100000", 100));
        }

        void line(final String[] words)
        {
            switch (words[0])
            {
                case "account":
                    answer(words.length > 5 && "hedging".equals(words[5])
                        ? driver.createAccount(words[1], words[2], words[3], Integer.parseInt(words[4]), CommandBodies.POSITION_MODE_HEDGING)
                        : words.length > 5 && "futures".equals(words[5])
                        ? driver.createAccount(words[1], VenueKind.BINANCE, words[2], words[3], Integer.parseInt(words[4]))
                        : driver.createAccount(words[1], words[2], words[3], Integer.parseInt(words[4])));
                    break;
                case "futures-leverage": futures().leverage(words[1], Integer.parseInt(words[2])); break;
                case "risk": answer(driver.setRisk(words[1], words[2], words[3])); break;
                case "wait": driver.advanceMicros(new java.math.BigDecimal(words[1]).movePointRight(6).longValueExact()); break;
                case "quote": answer(driver.quote(words[1], words[2], words[3])); break;
                case "order": answer(order(words)); break;
                case "cancel": answer(driver.cancel("last".equals(words[1]) ? lastOrderId : Long.parseLong(words[1]))); break;
                case "close":
                    answer(driver.closePosition(driver.positionId(words[1], words[2]), words.length > 3 ? words[3] : null));
                    break;
                case "modify":
                {
                    final Map<String, String> options = options(words, 3);
                    answer(driver.modifyPosition(driver.positionId(words[1], words[2]), options.get("sl"), options.get("tp")));
                    break;
                }
                case "pause": answer(driver.pause(words[1])); break;
                case "resume": answer(driver.resume(words[1])); break;
                case "close-all": answer(driver.closeAll(words[1])); break;
                case "digest": savedDigest = driver.digest(); break;
                case "expect": expect(words); break;
                default: throw new IllegalArgumentException("unknown command " + words[0]);
            }
        }

        /** The futures exchange venue, plugged in for the binance kind the first time a scenario needs it. */
        private FuturesLeverageVenue futures()
        {
            if (futures == null)
            {
                futures = new FuturesLeverageVenue(driver.engine.context());
                driver.engine.registerVenue(VenueKind.BINANCE, futures);
            }
            return futures;
        }

        private void answer(final CommandEvent event)
        {
            last = event;
            if (event.outputKind == CommandEvent.OUTPUT_ORDER)
            {
                lastOrderId = event.order.orderId;
            }
        }

        private CommandEvent order(final String[] words)
        {
            final NewOrder order = driver.order(words[1], Side.valueOf(words[2].toUpperCase(Locale.ROOT)),
                OrderType.valueOf(words[3].toUpperCase(Locale.ROOT)), words[4], words[5]);
            options(words, 6).forEach((key, value) ->
            {
                switch (key)
                {
                    case "price": order.price(value); break;
                    case "sl": order.stopLoss(value); break;
                    case "tp": order.takeProfit(value); break;
                    case "sl_pips": order.stopLossPips(value); break;
                    case "tp_pips": order.takeProfitPips(value); break;
                    case "sl_pct": order.stopLossPct(value); break;
                    case "tp_pct": order.takeProfitPct(value); break;
                    case "trail_pct": order.trailingStopPct(value); break;
                    case "trail_pips": order.trailingStopPips(value); break;
                    case "tif": order.timeInForce(TimeInForce.valueOf(value.toUpperCase(Locale.ROOT))); break;
                    case "cid": order.clientOrderId(value); break;
                    default: throw new IllegalArgumentException("unknown order option " + key);
                }
            });
            return order.send();
        }

        private void expect(final String[] words)
        {
            switch (words[1])
            {
                case "account":
                    fields(driver.account(words[2]), options(words, 3));
                    break;
                case "position":
                {
                    final Map<String, Object> position = driver.position(words[2], words[3]);
                    if (words.length > 4 && "none".equals(words[4]))
                    {
                        check(position == null, "expected no position but found " + position);
                    }
                    else
                    {
                        check(position != null, "no open position");
                        fields(position, options(words, 4));
                    }
                    break;
                }
                case "positions":
                {
                    final boolean bySymbol = !words[3].contains("=");
                    final int expected = Integer.parseInt(options(words, bySymbol ? 4 : 3).get("count"));
                    final int actual = driver.positionCount(words[2], bySymbol ? words[3] : null);
                    check(actual == expected, "expected " + expected + " open positions but found " + actual);
                    break;
                }
                case "order":
                {
                    final long orderId = "last".equals(words[2]) ? lastOrderId : Long.parseLong(words[2]);
                    fields(Json.order(EngineDriver.expect(ResultCode.OK, driver.getOrder(orderId)).order), options(words, 3));
                    break;
                }
                case "digest":
                    check(savedDigest == driver.digest(), "the state changed");
                    break;
                default:
                {
                    final ResultCode code = ResultCode.valueOf(words[1]);
                    check(last != null && last.result == code, "expected " + code + " but was " + (last == null ? "nothing" : last.result
                        + " (" + last.resultMessage + (last.resultField != null ? ", field " + last.resultField : "") + ")"));
                    final Map<String, String> expected = options(words, 2);
                    if (!expected.isEmpty())
                    {
                        fields(last.outputKind == CommandEvent.OUTPUT_ORDER ? Json.order(last.order) : Json.output(last), expected);
                    }
                }
            }
        }

        private static void fields(final Map<String, Object> json, final Map<String, String> expected)
        {
            expected.forEach((path, value) ->
            {
                // "stops.0.quantity": a number steps into a list
                final Object[] steps = java.util.Arrays.stream(path.split("\\."))
                    .map(step -> step.matches("\\d+") ? (Object)Integer.valueOf(step) : step).toArray();
                final Object actual = Json.at(json, steps);
                check(Json.matches(actual, value), path + " expected " + value + " but was " + actual + " in " + json);
            });
        }

        private static Map<String, String> options(final String[] words, final int from)
        {
            final Map<String, String> options = new LinkedHashMap<>();
            for (int i = from; i < words.length; i++)
            {
                final int eq = words[i].indexOf('=');
                if (eq < 0)
                {
                    throw new IllegalArgumentException("expected key=value, was " + words[i]);
                }
                options.put(words[i].substring(0, eq), words[i].substring(eq + 1));
            }
            return options;
        }

        private static void check(final boolean condition, final String message)
        {
            if (!condition)
            {
                throw new AssertionError(message);
            }
        }
    }

}
