package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.gateway.TestGateway.Reply;

/**
 * Table of bad requests: each gets the right status, code and field, and leaves the engine's state exactly as it
 * was (the state digest does not move).
 */
class BadInputTest
{
    private static final String LONG = "x".repeat(10_000);

    @TempDir
    static Path dataDir;
    static TestGateway gateway;
    static String digest;

    @BeforeAll
    static void start()
    {
        gateway = TestGateway.start(dataDir);
        assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
        digest = gateway.digest();
    }

    @AfterAll
    static void stop()
    {
        gateway.close();
    }

    /** A valid market order with {@code extra} spliced in before the closing brace (a field may appear twice). */
    private static String order(final String extra)
    {
        return "{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\",\"quantity\":0.1" + extra + "}";
    }

    /** A market order of exactly these fields. */
    private static String fields(final String fields)
    {
        return "{" + fields + "}";
    }

    private static final String ACCOUNT = "\"account_id\":\"paper-1\"";
    private static final String SYMBOL = "\"symbol\":\"EURUSD\"";
    private static final String BUY = "\"side\":\"buy\"";
    private static final String MARKET = "\"type\":\"market\"";
    private static final String LIMIT = "\"type\":\"limit\"";
    private static final String QTY = "\"quantity\":0.1";

    private static String with(final String... parts)
    {
        return fields(String.join(",", parts));
    }

    static Stream<Arguments> badRequests()
    {
        final String orders = "/api/v1/orders";
        return Stream.of(
            // not JSON at all
            bad("truncated object", "POST", orders, "{\"account_id\":", 400, "INVALID_JSON", null),
            bad("plain text", "POST", orders, "buy me some EURUSD", 400, "INVALID_JSON", null),
            bad("empty body", "POST", orders, "", 400, "INVALID_JSON", null),
            bad("whitespace body", "POST", orders, "   ", 400, "INVALID_JSON", null),
            bad("trailing garbage", "POST", orders, order("") + " x", 400, "INVALID_JSON", null),
            bad("two documents", "POST", orders, order("") + "{}", 400, "INVALID_JSON", null),
            bad("NaN token", "POST", orders, with(ACCOUNT, SYMBOL, BUY, MARKET, "\"quantity\":NaN"), 400, "INVALID_JSON", null),
            bad("Infinity token", "POST", orders, with(ACCOUNT, SYMBOL, BUY, MARKET, "\"quantity\":Infinity"), 400, "INVALID_JSON", null),
            bad("-Infinity token", "POST", orders, with(ACCOUNT, SYMBOL, BUY, MARKET, "\"quantity\":-Infinity"), 400, "INVALID_JSON", null),
            bad("duplicate field", "POST", orders, order(",\"quantity\":0.2"), 400, "INVALID_JSON", null),
            bad("validation problem then broken JSON", "POST", orders, "{\"quantity\":true,", 400, "INVALID_JSON", null),
            bad("single quotes", "POST", orders, "{'account_id':'paper-1'}", 400, "INVALID_JSON", null),
            // wrong shape and types
            bad("array body", "POST", orders, "[" + order("") + "]", 400, "VALIDATION_ERROR", null),
            bad("number body", "POST", orders, "42", 400, "VALIDATION_ERROR", null),
            bad("quantity true", "POST", orders, with(ACCOUNT, SYMBOL, BUY, MARKET, "\"quantity\":true"), 400, "VALIDATION_ERROR", "quantity"),
            bad("quantity object", "POST", orders, with(ACCOUNT, SYMBOL, BUY, MARKET, "\"quantity\":{\"v\":1}"), 400, "VALIDATION_ERROR", "quantity"),
            bad("quantity array", "POST", orders, with(ACCOUNT, SYMBOL, BUY, MARKET, "\"quantity\":[0.1]"), 400, "VALIDATION_ERROR", "quantity"),
            bad("quantity NaN string", "POST", orders, with(ACCOUNT, SYMBOL, BUY, MARKET, "\"quantity\":\"NaN\""), 400, "VALIDATION_ERROR", "quantity"),
            bad("quantity Infinity string", "POST", orders, with(ACCOUNT, SYMBOL, BUY, MARKET, "\"quantity\":\"Infinity\""), 400, "VALIDATION_ERROR", "quantity"),
            bad("quantity with spaces", "POST", orders, with(ACCOUNT, SYMBOL, BUY, MARKET, "\"quantity\":\" 0.1\""), 400, "VALIDATION_ERROR", "quantity"),
            bad("quantity hex", "POST", orders, with(ACCOUNT, SYMBOL, BUY, MARKET, "\"quantity\":\"0x10\""), 400, "VALIDATION_ERROR", "quantity"),
            bad("account_id number", "POST", orders, with("\"account_id\":7", SYMBOL, BUY, MARKET, QTY), 400, "VALIDATION_ERROR", "account_id"),
            bad("side number", "POST", orders, with(ACCOUNT, SYMBOL, "\"side\":1", MARKET, QTY), 400, "VALIDATION_ERROR", "side"),
            // missing
            bad("missing account_id", "POST", orders, with(SYMBOL, BUY, MARKET, QTY), 400, "VALIDATION_ERROR", "account_id"),
            bad("missing symbol", "POST", orders, with(ACCOUNT, BUY, MARKET, QTY), 400, "VALIDATION_ERROR", "symbol"),
            bad("missing side", "POST", orders, with(ACCOUNT, SYMBOL, MARKET, QTY), 400, "VALIDATION_ERROR", "side"),
            bad("missing type", "POST", orders, with(ACCOUNT, SYMBOL, BUY, QTY), 400, "VALIDATION_ERROR", "type"),
            bad("missing quantity", "POST", orders, with(ACCOUNT, SYMBOL, BUY, MARKET), 400, "VALIDATION_ERROR", "quantity"),
            bad("null quantity", "POST", orders, with(ACCOUNT, SYMBOL, BUY, MARKET, "\"quantity\":null"), 400, "VALIDATION_ERROR", "quantity"),
            bad("empty object", "POST", orders, "{}", 400, "VALIDATION_ERROR", "account_id"),
            bad("limit without price", "POST", orders, with(ACCOUNT, SYMBOL, BUY, LIMIT, QTY), 400, "VALIDATION_ERROR", "price"),
            bad("stop with null price", "POST", orders, with(ACCOUNT, SYMBOL, BUY, "\"type\":\"stop\"", QTY, "\"price\":null"), 400, "VALIDATION_ERROR", "price"),
            bad("market with price", "POST", orders, order(",\"price\":1.08"), 400, "VALIDATION_ERROR", "price"),
            // unknown enum values and fields
            bad("unknown side", "POST", orders, with(ACCOUNT, SYMBOL, "\"side\":\"hold\"", MARKET, QTY), 400, "VALIDATION_ERROR", "side"),
            bad("side misspelled (capitals are fine: API.md)", "POST", orders, with(ACCOUNT, SYMBOL, "\"side\":\"BUYS\"", MARKET, QTY), 400, "VALIDATION_ERROR", "side"),
            bad("unknown type", "POST", orders, with(ACCOUNT, SYMBOL, BUY, "\"type\":\"iceberg\"", QTY), 400, "VALIDATION_ERROR", "type"),
            bad("unknown time_in_force", "POST", orders, order(",\"time_in_force\":\"day\""), 400, "VALIDATION_ERROR", "time_in_force"),
            bad("typo stoploss", "POST", orders, order(",\"stoploss\":1.08"), 400, "VALIDATION_ERROR", "stoploss"),
            bad("unknown nested field", "POST", orders, order(",\"extra\":{\"a\":[1,2]}"), 400, "VALIDATION_ERROR", "extra"),
            // numbers out of bounds
            bad("negative quantity", "POST", orders, with(ACCOUNT, SYMBOL, BUY, MARKET, "\"quantity\":-0.1"), 400, "VALIDATION_ERROR", "quantity"),
            bad("zero quantity", "POST", orders, with(ACCOUNT, SYMBOL, BUY, MARKET, "\"quantity\":0"), 400, "VALIDATION_ERROR", "quantity"),
            bad("zero quantity string", "POST", orders, with(ACCOUNT, SYMBOL, BUY, MARKET, "\"quantity\":\"0.00\""), 400, "VALIDATION_ERROR", "quantity"),
            bad("nine decimal places", "POST", orders, with(ACCOUNT, SYMBOL, BUY, MARKET, "\"quantity\":0.000000001"), 400, "VALIDATION_ERROR", "quantity"),
            bad("huge exponent", "POST", orders, with(ACCOUNT, SYMBOL, BUY, MARKET, "\"quantity\":1e400"), 400, "VALIDATION_ERROR", "quantity"),
            bad("huge integer", "POST", orders, with(ACCOUNT, SYMBOL, BUY, MARKET, "\"quantity\":123456789012345678901234567890"), 400, "VALIDATION_ERROR", "quantity"),
            bad("off the lot step", "POST", orders, with(ACCOUNT, SYMBOL, BUY, MARKET, "\"quantity\":0.015"), 400, "VALIDATION_ERROR", "quantity"),
            bad("above max_quantity", "POST", orders, with(ACCOUNT, SYMBOL, BUY, MARKET, "\"quantity\":101"), 400, "VALIDATION_ERROR", "quantity"),
            bad("price digits beyond the instrument", "POST", orders, with(ACCOUNT, SYMBOL, BUY, LIMIT, QTY, "\"price\":1.084201"), 400, "VALIDATION_ERROR", "price"),
            bad("negative price", "POST", orders, with(ACCOUNT, SYMBOL, BUY, LIMIT, QTY, "\"price\":-1.08"), 400, "VALIDATION_ERROR", "price"),
            bad("zero stop_loss", "POST", orders, order(",\"stop_loss\":0"), 400, "VALIDATION_ERROR", "stop_loss"),
            bad("stop_loss on the wrong side", "POST", orders, order(",\"stop_loss\":1.09"), 400, "VALIDATION_ERROR", "stop_loss"),
            bad("stop_loss and stop_loss_pips", "POST", orders, order(",\"stop_loss\":1.08,\"stop_loss_pips\":20"), 400, "VALIDATION_ERROR", "stop_loss_pips"),
            bad("take_profit and take_profit_pips", "POST", orders, order(",\"take_profit\":1.09,\"take_profit_pips\":20"), 400, "VALIDATION_ERROR", "take_profit_pips"),
            // strings
            bad("account_id too long", "POST", orders, with("\"account_id\":\"" + "a".repeat(65) + "\"", SYMBOL, BUY, MARKET, QTY), 400, "VALIDATION_ERROR", "account_id"),
            bad("account_id with a space", "POST", orders, with("\"account_id\":\"paper 1\"", SYMBOL, BUY, MARKET, QTY), 400, "VALIDATION_ERROR", "account_id"),
            bad("account_id empty", "POST", orders, with("\"account_id\":\"\"", SYMBOL, BUY, MARKET, QTY), 400, "VALIDATION_ERROR", "account_id"),
            bad("absurdly long symbol", "POST", orders, with(ACCOUNT, "\"symbol\":\"" + LONG + "\"", BUY, MARKET, QTY), 400, "VALIDATION_ERROR", "symbol"),
            bad("symbol with unicode", "POST", orders, with(ACCOUNT, "\"symbol\":\"EUR\u00e9USD\"", BUY, MARKET, QTY), 400, "VALIDATION_ERROR", "symbol"),
            bad("client_order_id too long", "POST", orders, order(",\"client_order_id\":\"" + "c".repeat(65) + "\""),
                400, "VALIDATION_ERROR", "client_order_id"),
            bad("client_order_id with a space", "POST", orders, order(",\"client_order_id\":\"my order\""), 400, "VALIDATION_ERROR", "client_order_id"),
            bad("client_order_id with a control char", "POST", orders, order(",\"client_order_id\":\"a\\u0001b\""), 400, "VALIDATION_ERROR", "client_order_id"),
            // other routes
            bad("account leverage 0", "POST", "/api/v1/accounts", "{\"account_id\":\"bad-1\",\"leverage\":0}", 400, "VALIDATION_ERROR", "leverage"),
            bad("account leverage 1.5", "POST", "/api/v1/accounts", "{\"account_id\":\"bad-1\",\"leverage\":1.5}", 400, "VALIDATION_ERROR", "leverage"),
            bad("account venue", "POST", "/api/v1/accounts", "{\"account_id\":\"bad-1\",\"venue\":\"nyse\"}", 400, "VALIDATION_ERROR", "venue"),
            bad("account currency", "POST", "/api/v1/accounts", "{\"account_id\":\"bad-1\",\"currency\":\"usd\"}", 400, "VALIDATION_ERROR", "currency"),
            bad("account negative balance", "POST", "/api/v1/accounts", "{\"account_id\":\"bad-1\",\"balance\":-1}", 400, "VALIDATION_ERROR", "balance"),
            bad("account balance in fractions of a cent", "POST", "/api/v1/accounts", "{\"account_id\":\"bad-1\",\"balance\":0.001}", 400, "VALIDATION_ERROR", "balance"),
            bad("account without id", "POST", "/api/v1/accounts", "{\"venue\":\"paper\"}", 400, "VALIDATION_ERROR", "account_id"),
            bad("risk negative", "PUT", "/api/v1/accounts/paper-1/risk", "{\"max_notional\":-1}", 400, "VALIDATION_ERROR", "max_notional"),
            bad("risk fractional count", "PUT", "/api/v1/accounts/paper-1/risk", "{\"max_open_orders\":1.5}", 400, "VALIDATION_ERROR", "max_open_orders"),
            bad("risk unknown limit", "PUT", "/api/v1/accounts/paper-1/risk", "{\"max_leverage\":10}", 400, "VALIDATION_ERROR", "max_leverage"),
            bad("risk of an unknown account", "PUT", "/api/v1/accounts/ghost/risk", "{\"max_notional\":1}", 404, "NOT_FOUND", "account_id"),
            bad("pause with a body", "POST", "/api/v1/accounts/paper-1/pause", "{\"now\":true}", 400, "VALIDATION_ERROR", "now"),
            bad("key scope", "POST", "/api/v1/keys", "{\"scope\":\"root\",\"account_ids\":[\"paper-1\"]}", 400, "VALIDATION_ERROR", "scope"),
            bad("key accounts not an array", "POST", "/api/v1/keys", "{\"scope\":\"read\",\"account_ids\":\"paper-1\"}", 400, "VALIDATION_ERROR", "account_ids"),
            bad("admin key with accounts", "POST", "/api/v1/keys", "{\"scope\":\"admin\",\"account_ids\":[\"paper-1\"]}", 400, "VALIDATION_ERROR", "account_ids"),
            bad("no quotes", "POST", "/api/v1/quotes", "[]", 400, "VALIDATION_ERROR", "quotes"),
            bad("ask below bid", "POST", "/api/v1/quotes", "{\"symbol\":\"EURUSD\",\"bid\":1.1,\"ask\":1.0}", 400, "VALIDATION_ERROR", "ask"),
            bad("quote without bid", "POST", "/api/v1/quotes", "{\"symbol\":\"EURUSD\",\"ask\":1.0}", 400, "VALIDATION_ERROR", "bid"),
            bad("quote of an unknown symbol", "POST", "/api/v1/quotes", "[{\"symbol\":\"EURUSD\",\"bid\":1.1,\"ask\":1.2},{\"symbol\":\"NOPE\",\"bid\":1,\"ask\":2}]", 422, "UNKNOWN_SYMBOL", "symbol"),
            bad("quote digits beyond the instrument", "POST", "/api/v1/quotes", "{\"symbol\":\"EURUSD\",\"bid\":1.084201,\"ask\":1.09}", 400, "VALIDATION_ERROR", "bid"),
            bad("close quantity zero", "POST", "/api/v1/positions/1/close", "{\"quantity\":0}", 400, "VALIDATION_ERROR", "quantity"),
            bad("patch nothing", "PATCH", "/api/v1/positions/1", "{}", 400, "VALIDATION_ERROR", null),
            bad("patch unknown position", "PATCH", "/api/v1/positions/77", "{\"stop_loss\":1}", 404, "NOT_FOUND", "position_id"),
            bad("list limit 0", "GET", "/api/v1/orders?limit=0", null, 400, "VALIDATION_ERROR", "limit"),
            bad("list limit 1001", "GET", "/api/v1/trades?limit=1001", null, 400, "VALIDATION_ERROR", "limit"),
            bad("list limit text", "GET", "/api/v1/orders?limit=ten", null, 400, "VALIDATION_ERROR", "limit"),
            bad("list status", "GET", "/api/v1/orders?status=done", null, 400, "VALIDATION_ERROR", "status"),
            bad("list unknown parameter", "GET", "/api/v1/orders?acount_id=paper-1", null, 400, "VALIDATION_ERROR", "acount_id"),
            bad("list of an unknown account", "GET", "/api/v1/positions?account_id=ghost", null, 404, "NOT_FOUND", "account_id"));
    }

    private static Arguments bad(
        final String name, final String method, final String path, final String body, final int status, final String code, final String field)
    {
        return Arguments.of(name, method, path, body, status, code, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isRefusedAndChangesNothing(
        final String name, final String method, final String path, final String body, final int status, final String code, final String field)
    {
        final Reply reply = gateway.send(method, path, body, TestGateway.ADMIN);
        assertEquals(status, reply.status(), reply::toString);
        assertEquals(code, reply.errorCode(), reply::toString);
        assertEquals(field, reply.errorField(), reply::toString);
        assertEquals(digest, gateway.digest(), "state changed");
    }
}
