package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.simulators.mt5.PriceSource;
import io.ordergate.simulators.mt5.SimulatedTerminal;

/**
 * Seed 002's person, over real HTTP: sign up, find orders refused 428 until onboarding is done, connect a broker (an
 * mt5 account of one's own, served here by a simulated MT5 terminal over the real executor protocol), accept the
 * disclaimer, then trade exactly as seed 002's client sends it and read positions and the account by
 * broker_connection_id.
 */
class OnboardingHttpTest
{
    private static final String PASSWORD = "correct-Horse-7-battery";

    @TempDir
    Path dataDir;

    @Test
    void signupOnboardingThenSeed002sOrderFillsOnTheUsersOwnMt5Account() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            final UserClient people = new UserClient(gateway);
            final String token = people.signup("trader@example.com", PASSWORD).text("access_token");
            final TestGateway.Reply before = people.bearer("GET", "/api/v1/onboarding/status", null, token);
            assertEquals("{\"onboarded\":false,\"missing\":[\"broker_connection\",\"disclaimer_accepted\"],\"broker_connection_id\":null}",
                before.body());
            final String seedOrder = "{\"broker_connection_id\":\"%s\",\"instrument\":\"EURUSD\",\"side\":\"BUY\",\"units\":1000,"
                + "\"stop_loss_pips\":20,\"take_profit_pips\":40}";
            final TestGateway.Reply early = people.bearer("POST", "/api/v1/orders", String.format(seedOrder, "paper-1"), token);
            assertEquals(428, early.status(), early.toString());
            assertEquals("ONBOARDING_INCOMPLETE", early.errorCode());

            final TestGateway.Reply broker = people.bearer("PUT", "/api/v1/onboarding/brokers",
                "{\"broker_name\":\"Exness Global\",\"account_number\":\"12345678\",\"account_type\":\"demo\",\"label\":\"My Demo Account\"}", token);
            assertEquals(201, broker.status(), broker.toString());
            assertEquals("connected", broker.text("status"));
            final String connection = broker.text("broker_connection_id");
            assertEquals(428, people.bearer("POST", "/api/v1/orders", String.format(seedOrder, connection), token).status(), "no disclaimer yet");
            assertEquals("risk_percent", people.bearer("PUT", "/api/v1/onboarding/preferences",
                "{\"risk_percent\": 0, \"disclaimer_accepted\": true}", token).errorField());
            final TestGateway.Reply preferences = people.bearer("PUT", "/api/v1/onboarding/preferences",
                "{\"risk_percent\": 1.0, \"disclaimer_accepted\": true, \"preferred_pairs\": [\"EURUSD\", \"GBPUSD\", \"XAUUSD\"]}", token);
            assertEquals("{\"success\":true}", preferences.body());
            assertEquals("{\"onboarded\":true,\"missing\":[],\"broker_connection_id\":\"" + connection + "\"}",
                people.bearer("GET", "/api/v1/onboarding/status", null, token).body());

            // the broker's terminal: an executor for the user's account, a simulated MT5 terminal speaking seed 000
            final TestGateway.Reply executor = gateway.post("/api/v1/executors",
                "{\"name\":\"Ann's MT5\",\"platform\":\"MT5\",\"account_id\":\"" + connection + "\"}");
            assertEquals(201, executor.status(), executor.toString());
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            final PriceSource.Fixed prices = new PriceSource.Fixed().set("EURUSD", "1.08420", "1.08428");
            try (SimulatedTerminal terminal = new SimulatedTerminal(new SimulatedTerminal.Settings(java.net.URI.create(gateway.url("")),
                executor.text("executor_id"), executor.text("api_key"), executor.text("api_secret"), 1), prices)
                .balance(new java.math.BigDecimal("10000")).start())
            {
                await(() -> "online".equals(gateway.get("/api/v1/executors/" + executor.text("executor_id")).text("status"))
                    && gateway.get("/api/v1/accounts/" + connection).decimal("equity").equals("10000"));
                final TestGateway.Reply placed = people.bearer("POST", "/api/v1/orders", String.format(seedOrder, connection), token);
                assertEquals(201, placed.status(), placed.toString());
                assertEquals(connection, placed.text("account_id"));
                assertEquals("buy", placed.text("side"));
                assertEquals("0.01", placed.decimal("quantity"), "1000 units of EURUSD are 0.01 lots");
                assertEquals("1.08228", placed.decimal("stop_loss"), "20 pips under the ask");
                await(() -> "filled".equals(people.bearer("GET", "/api/v1/orders/" + placed.text("order_id"), null, token).text("status")));

                final JsonNode positions = people.bearer("GET", "/api/v1/positions?broker_connection_id=" + connection, null, token).json();
                assertEquals(1, positions.path("positions").size(), positions.toString());
                assertEquals("EURUSD", positions.path("positions").get(0).path("symbol").asText());
                final JsonNode held = positions.path("positions").get(0);
                assertEquals(held.path("ticket").asText(), held.path("broker_position_id").asText(), "the terminal's ticket: " + held);
                assertEquals(0, new java.math.BigDecimal("1000").compareTo(held.path("units").decimalValue()), held::toString);
                final TestGateway.Reply account = people.bearer("GET", "/api/v1/account?broker_connection_id=" + connection, null, token);
                assertEquals(200, account.status(), account.toString());
                for (final String field : new String[] {"balance", "equity", "margin_used", "margin_available", "currency"})
                {
                    assertTrue(account.json().has(field), field + " in " + account);
                }
                assertEquals(404, people.bearer("GET", "/api/v1/account?broker_connection_id=paper-1", null, token).status(),
                    "another's account is not found");
            }
        }
    }

    @Test
    void aRetriedBrokerPutAnswersTheSameConnectionAndMakesNoSecondAccount()
    {
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            final UserClient people = new UserClient(gateway);
            final String token = people.signup("retry@example.com", PASSWORD).text("access_token");
            final String broker = "{\"broker_name\":\"Exness Global\",\"account_number\":\"12345678\",\"account_type\":\"demo\",\"label\":\"%s\"}";
            final TestGateway.Reply first = people.bearer("PUT", "/api/v1/onboarding/brokers", String.format(broker, "My Demo Account"), token);
            assertEquals(201, first.status(), first.toString());
            // the app's retry of a PUT whose answer it never saw (a timeout), here with the label edited meanwhile
            final TestGateway.Reply again = people.bearer("PUT", "/api/v1/onboarding/brokers", String.format(broker, "Renamed"), token);
            assertEquals(201, again.status(), again.toString());
            assertEquals(first.text("broker_connection_id"), again.text("broker_connection_id"), "the same connection, not a second account");
            assertEquals(first.text("created_at"), again.text("created_at"));
            assertEquals("Renamed", again.text("label"), "PUT replaces what it names");
            assertEquals(1, people.bearer("GET", "/api/v1/accounts", null, token).json().path("accounts").size(), "one mt5 account for one broker account");

            final TestGateway.Reply other = people.bearer("PUT", "/api/v1/onboarding/brokers",
                "{\"broker_name\":\"Exness Global\",\"account_number\":\"87654321\",\"account_type\":\"live\",\"label\":\"Live\"}", token);
            assertEquals(201, other.status(), other.toString());
            assertFalse(first.text("broker_connection_id").equals(other.text("broker_connection_id")), "another broker account is another connection");
        }
    }

    @Test
    void aUserWhoHasNotFinishedOnboardingIsRefusedAGroupOrderAsASingleOrder()
    {
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            final UserClient people = new UserClient(gateway);
            final String token = people.userWith("t@example.com", "trader", PASSWORD, "paper-1");
            final TestGateway.Reply group = gateway.post("/api/v1/groups", "{\"group_id\": \"g-1\", \"name\": \"Mine\", \"members\": ["
                + "{\"account_id\": \"paper-1\", \"sizing\": {\"mode\": \"fixed\", \"value\": 0.1}}]}");
            assertEquals(201, group.status(), group.toString());
            assertEquals(200, people.bearer("GET", "/api/v1/groups/g-1", null, token).status(), "the user sees the group of its account");
            final String order = "{\"symbol\": \"EURUSD\", \"side\": \"buy\", \"quantity\": 0.10}";
            assertEquals(428, people.bearer("POST", "/api/v1/orders",
                "{\"account_id\": \"paper-1\", \"symbol\": \"EURUSD\", \"side\": \"buy\", \"type\": \"market\", \"quantity\": 0.1}", token).status());
            for (final String path : new String[] {"/api/v1/groups/g-1/orders", "/api/v1/trading/group/g-1/execute"})
            {
                final TestGateway.Reply refused = people.bearer("POST", path, order, token);
                assertEquals(428, refused.status(), path + ": " + refused);
                assertEquals("ONBOARDING_INCOMPLETE", refused.errorCode());
            }
            assertFalse(gateway.get("/api/v1/orders?account_id=paper-1").body().contains("EURUSD"), "no order reached the account");
        }
    }

    @Test
    void seed002sCloseAnswersTheClosingPricePnlAndTime()
    {
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            assertEquals(201, gateway.market("paper-1", "EURUSD", "buy", "0.10").status());
            final JsonNode open = gateway.get("/api/v1/positions?broker_connection_id=paper-1").json().path("positions").get(0);
            final String position = open.path("position_id").asText();
            // seed 002's client reads its own names for the position's fields (they were missing)
            assertEquals(position, open.path("broker_position_id").asText(), open::toString);
            assertEquals("EURUSD", open.path("instrument").asText(), open::toString);
            assertEquals(0, new java.math.BigDecimal("10000").compareTo(open.path("units").decimalValue()), "0.10 lots x 100000: " + open);
            assertEquals(open.path("unrealized_pnl").decimalValue(), open.path("pnl").decimalValue(), open::toString);
            assertTrue(open.path("pnl").isNumber(), open::toString);
            assertFalse(gateway.get("/api/v1/positions?account_id=paper-1").json().path("positions").get(0).has("instrument"),
                "the native list keeps its own shape");
            assertEquals(202, gateway.quote("EURUSD", "1.08520", "1.08528").status());
            final TestGateway.Reply closed = gateway.send("DELETE", "/api/v1/positions/" + position + "?broker_connection_id=paper-1", null,
                TestGateway.ADMIN);
            assertEquals(200, closed.status(), closed.toString());
            assertEquals("1.0852", closed.decimal("closed_price"), "sold at the bid");
            assertEquals("9.2", closed.decimal("pnl"), "(1.08520 - 1.08428) x 0.10 lots x 100000");
            assertTrue(closed.text("closed_at").endsWith("Z"));
            assertEquals(404, gateway.send("DELETE", "/api/v1/positions/" + position, null, TestGateway.ADMIN).status(), "closed already");
            assertEquals("foo", gateway.send("DELETE", "/api/v1/positions/1?foo=1", null, TestGateway.ADMIN).errorField());
        }
    }

    @Test
    void seed002sCloseReachesOnlyThePositionsOfTheBrokerConnectionItNames()
    {
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            assertEquals(201, gateway.market("paper-2", "EURUSD", "buy", "0.10").status());
            final String position = gateway.get("/api/v1/positions?broker_connection_id=paper-2").json().path("positions").get(0)
                .path("position_id").asText();
            final TestGateway.Reply elsewhere = gateway.send("DELETE", "/api/v1/positions/" + position + "?broker_connection_id=paper-1", null,
                TestGateway.ADMIN);
            assertEquals(404, elsewhere.status(), "the position is not on paper-1: " + elsewhere);
            assertEquals(404, gateway.send("DELETE", "/api/v1/positions/" + position + "?broker_connection_id=nobody", null, TestGateway.ADMIN)
                .status(), "no such broker connection");
            assertEquals(1, gateway.get("/api/v1/positions?broker_connection_id=paper-2").json().path("positions").size(), "still open");
            final TestGateway.Reply closed = gateway.send("DELETE", "/api/v1/positions/" + position + "?broker_connection_id=paper-2", null,
                TestGateway.ADMIN);
            assertEquals(200, closed.status(), closed.toString());
            assertEquals(0, gateway.get("/api/v1/positions?broker_connection_id=paper-2").json().path("positions").size());
        }
    }

    @Test
    void anOrderInSeed002sSpellingIsAnsweredWithSeed002sNamesToo()
    {
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            final TestGateway.Reply placed = gateway.post("/api/v1/orders",
                "{\"broker_connection_id\":\"paper-1\",\"instrument\":\"EURUSD\",\"side\":\"BUY\",\"units\":1000}");
            assertEquals(201, placed.status(), placed.toString());
            assertEquals("filled", placed.text("status"));
            assertEquals("1.08428", placed.decimal("fill_price"), "a paper market buy fills at the ask");
            assertEquals(placed.text("venue_order_id"), placed.text("broker_order_id"));
            assertTrue(placed.text("broker_order_id") != null && !placed.text("broker_order_id").isEmpty(), placed.toString());
            assertEquals(placed.text("updated_at"), placed.text("timestamp"));

            final TestGateway.Reply native_ = gateway.market("paper-1", "EURUSD", "buy", "0.01");
            assertEquals(201, native_.status(), native_.toString());
            assertTrue(!native_.json().has("fill_price") && !native_.json().has("broker_order_id"), "API.md's own spelling keeps API.md's order: " + native_);
        }
    }

    private static void await(final java.util.function.BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("not within 20 s");
            }
            Thread.sleep(20);
        }
    }
}
