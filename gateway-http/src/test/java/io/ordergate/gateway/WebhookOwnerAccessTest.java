package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.gateway.TestGateway.Key;
import io.ordergate.gateway.TestGateway.Reply;

/**
 * A webhook speaks for the principal that registered it: once that key is revoked, or its user disabled, its events
 * stop, retries already scheduled included; an account taken from a user stops their webhooks' (and keys') events of
 * it, retries of events made before included. The barrier for "nothing arrives" is an admin's webhook on the same accounts that must receive the same event.
 */
class WebhookOwnerAccessTest
{
    private static final String PASSWORD = "correct-Horse-7-battery";
    private static final String FILLED = "{\"url\":\"%s\",\"events\":[\"order_filled\"]}";

    @TempDir
    Path dataDir;

    @Test
    void aRevokedKeysWebhookGetsNoMoreEventsAndItsScheduledRetryIsGivenUp() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir, OutboundWebhooksTest.ALLOW_LOOPBACK);
            WebhookReceiver owned = new WebhookReceiver(); WebhookReceiver barrier = new WebhookReceiver())
        {
            final Key trade = gateway.createKey("trade", "paper-1");
            final Reply created = gateway.send("POST", "/api/v1/webhooks", String.format(FILLED, owned.url()), trade);
            assertEquals(201, created.status(), created::toString);
            assertEquals(201, gateway.send("POST", "/api/v1/webhooks", String.format(FILLED, barrier.url()), TestGateway.ADMIN).status());
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            owned.answerWith(500);
            assertEquals(201, gateway.market("paper-1", "EURUSD", "buy", "0.1").status());
            final WebhookReceiver.Received first = owned.next("order_filled", 10);
            assertEquals(500, first.answeredWith(), "its retry is now on the timer, a second away");

            assertEquals(200, gateway.send("DELETE", "/api/v1/keys/" + trade.key(), null, TestGateway.ADMIN).status());
            owned.answerWith(200);
            assertEquals(201, gateway.market("paper-1", "EURUSD", "sell", "0.1").status());
            final WebhookReceiver.Received sell = barrier.next(r -> "sell".equals(r.json().path("data").path("side").asText()), 10);
            final String webhookId = created.text("webhook_id");
            StreamSlowReaderTest.await("the scheduled retry is journaled as given up", () ->
            {
                final JsonNode deliveries = gateway.get("/api/v1/webhooks/" + webhookId + "/deliveries").json();
                for (final JsonNode delivery : deliveries.path("deliveries"))
                {
                    if (delivery.path("event_id").asText().equals(first.eventId()))
                    {
                        return "failed".equals(delivery.path("status").asText())
                            && delivery.path("error").asText().contains("owner no longer has access");
                    }
                }
                return false;
            });
            for (final WebhookReceiver.Received any : owned.all())
            {
                assertTrue(any.answeredWith() == 500 && any.eventId().equals(first.eventId()),
                    "after the revocation nothing, neither the retry nor the sell " + sell.eventId() + ": " + any.json());
            }
        }
    }

    @Test
    void anAccountDeletedAndMadeAgainWithItsIdIsNotAnOldKeysAccount() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir, OutboundWebhooksTest.ALLOW_LOOPBACK);
            WebhookReceiver owned = new WebhookReceiver(); WebhookReceiver barrier = new WebhookReceiver())
        {
            final String account = "{\"account_id\":\"gone-1\",\"venue\":\"paper\",\"currency\":\"USD\",\"balance\":10000,\"leverage\":100}";
            assertEquals(201, gateway.post("/api/v1/accounts", account).status());
            final Key trade = gateway.createKey("trade", "gone-1", "paper-1");
            assertEquals(201, gateway.send("POST", "/api/v1/webhooks", String.format(FILLED, owned.url()), trade).status());
            assertEquals(201, gateway.send("POST", "/api/v1/webhooks", String.format(FILLED, barrier.url()), TestGateway.ADMIN).status());
            assertEquals(200, gateway.send("DELETE", "/api/v1/accounts/gone-1", null, TestGateway.ADMIN).status());
            assertEquals(201, gateway.post("/api/v1/accounts", account).status(), "a new account under the old id");
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            assertEquals(201, gateway.market("gone-1", "EURUSD", "buy", "0.1").status());
            assertEquals(201, gateway.market("paper-1", "EURUSD", "buy", "0.1").status());
            barrier.next(r -> "gone-1".equals(r.json().path("account_id").asText()), 10);
            barrier.next(r -> "paper-1".equals(r.json().path("account_id").asText()), 10);
            owned.next(r -> "paper-1".equals(r.json().path("account_id").asText()), 10);
            for (final WebhookReceiver.Received any : owned.all())
            {
                assertEquals("paper-1", any.json().path("account_id").asText(), "the old key's webhook: nothing of the new gone-1");
            }
        }
    }

    @Test
    void aDisabledUsersWebhookGetsNoMoreEvents() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir, OutboundWebhooksTest.ALLOW_LOOPBACK);
            WebhookReceiver owned = new WebhookReceiver(); WebhookReceiver barrier = new WebhookReceiver())
        {
            final UserClient people = new UserClient(gateway);
            final String trader = onboardedTrader(people, "paper-1");
            final Reply created = people.bearer("POST", "/api/v1/webhooks", String.format(FILLED, owned.url()), trader);
            assertEquals(201, created.status(), created::toString);
            assertEquals(201, gateway.send("POST", "/api/v1/webhooks", String.format(FILLED, barrier.url()), TestGateway.ADMIN).status());
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            assertEquals(201, gateway.market("paper-1", "EURUSD", "buy", "0.1").status());
            owned.next("order_filled", 10);

            final String user = "/api/v1/users/" + gateway.get("/api/v1/users").json().path("users").get(0).path("user_id").asText();
            assertEquals(200, gateway.send("PATCH", user, "{\"disabled\":true}", TestGateway.ADMIN).status());
            assertEquals(201, gateway.market("paper-1", "EURUSD", "sell", "0.1").status());
            barrier.next(r -> "sell".equals(r.json().path("data").path("side").asText()), 10);
            for (final WebhookReceiver.Received any : owned.all())
            {
                assertEquals("buy", any.json().path("data").path("side").asText(), "nothing after the user was disabled");
            }
        }
    }

    @Test
    void aUserGivenFewerAccountsGetsNoMoreEventsOfTheOneTakenNorDoesTheirKey() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir, OutboundWebhooksTest.ALLOW_LOOPBACK);
            WebhookReceiver owned = new WebhookReceiver(); WebhookReceiver ofKey = new WebhookReceiver(); WebhookReceiver barrier = new WebhookReceiver())
        {
            final UserClient people = new UserClient(gateway);
            final String trader = onboardedTrader(people, "paper-1", "paper-2");
            final Reply made = people.bearer("POST", "/api/v1/keys", "{\"scope\":\"trade\",\"account_ids\":[\"paper-1\",\"paper-2\"]}", trader);
            final Key key = new Key(made.text("api_key"), made.text("api_secret"));
            final Reply created = people.bearer("POST", "/api/v1/webhooks", String.format(FILLED, owned.url()), trader);
            assertTrue(created.json().get("account_ids").toString().contains("\"paper-2\""), created::toString);
            assertEquals(201, gateway.send("POST", "/api/v1/webhooks", String.format(FILLED, ofKey.url()), key).status());
            assertEquals(201, gateway.send("POST", "/api/v1/webhooks", String.format(FILLED, barrier.url()), TestGateway.ADMIN).status());

            final String user = "/api/v1/users/" + gateway.get("/api/v1/users").json().path("users").get(0).path("user_id").asText();
            assertEquals(200, gateway.send("PATCH", user, "{\"account_ids\":[\"paper-1\"]}", TestGateway.ADMIN).status());
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            assertEquals(201, gateway.market("paper-2", "EURUSD", "buy", "0.1").status());
            assertEquals(201, gateway.market("paper-1", "EURUSD", "sell", "0.1").status());
            barrier.next(r -> "paper-2".equals(r.json().path("account_id").asText()), 10);
            barrier.next(r -> "paper-1".equals(r.json().path("account_id").asText()), 10);
            owned.next(r -> "paper-1".equals(r.json().path("account_id").asText()), 10);
            ofKey.next(r -> "paper-1".equals(r.json().path("account_id").asText()), 10);
            for (final WebhookReceiver.Received any : owned.all())
            {
                assertEquals("paper-1", any.json().path("account_id").asText(), "the user's webhook: nothing of the account taken");
            }
            for (final WebhookReceiver.Received any : ofKey.all())
            {
                assertEquals("paper-1", any.json().path("account_id").asText(), "their key's: capped by the user, nothing either");
            }
        }
    }

    @Test
    void aRetryOfAnEventOfAnAccountSinceTakenFromItsOwnerIsGivenUpNotSent() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir, OutboundWebhooksTest.ALLOW_LOOPBACK); WebhookReceiver owned = new WebhookReceiver())
        {
            final UserClient people = new UserClient(gateway);
            final String trader = onboardedTrader(people, "paper-1", "paper-2");
            final Reply created = people.bearer("POST", "/api/v1/webhooks", String.format(FILLED, owned.url()), trader);
            assertEquals(201, created.status(), created::toString);
            owned.answerWith(500);
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            assertEquals(201, gateway.market("paper-2", "EURUSD", "buy", "0.1").status());
            final WebhookReceiver.Received first = owned.next("order_filled", 10);
            assertEquals(500, first.answeredWith(), "its retry is now on the timer, a second away");

            final String user = "/api/v1/users/" + gateway.get("/api/v1/users").json().path("users").get(0).path("user_id").asText();
            assertEquals(200, gateway.send("PATCH", user, "{\"account_ids\":[\"paper-1\"]}", TestGateway.ADMIN).status());
            owned.answerWith(200);
            final String webhookId = created.text("webhook_id");
            StreamSlowReaderTest.await("the retry journaled as given up", () ->
            {
                for (final JsonNode delivery : gateway.get("/api/v1/webhooks/" + webhookId + "/deliveries").json().path("deliveries"))
                {
                    if (delivery.path("event_id").asText().equals(first.eventId()))
                    {
                        return "failed".equals(delivery.path("status").asText())
                            && delivery.path("error").asText().contains("owner no longer has access");
                    }
                }
                return false;
            });
            for (final WebhookReceiver.Received any : owned.all())
            {
                assertEquals(500, any.answeredWith(), "nothing of paper-2 went out once it was taken: " + any.json());
            }
        }
    }

    /**
     * Start-up replays the journal one command at a time through the reply stage's listeners in their order (the key
     * and user registries, then the fan-out): each event is judged against the registries as of that event.
     * A delivery pending at a crash whose owner's key was revoked after its event is pending again after the restart
     * (had replay judged it against the registries as they ended, it would vanish without a trace) and is then given
     * up at its next attempt, never sent: exactly what the live run would have done.
     */
    @Test
    void aDeliveryPendingAtACrashWhoseKeyWasRevokedAfterItsEventIsGivenUpAfterTheRestartNotDropped() throws Exception
    {
        final String webhookId;
        final WebhookReceiver.Received first;
        try (WebhookReceiver owned = new WebhookReceiver())
        {
            try (TestGateway gateway = TestGateway.start(dataDir, OutboundWebhooksTest.ALLOW_LOOPBACK))
            {
                final Key trade = gateway.createKey("trade", "paper-1");
                final Reply created = gateway.send("POST", "/api/v1/webhooks", String.format(FILLED, owned.url()), trade);
                assertEquals(201, created.status(), created::toString);
                webhookId = created.text("webhook_id");
                owned.answerWith(503, "5");
                assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
                assertEquals(201, gateway.market("paper-1", "EURUSD", "buy", "0.1").status());
                first = owned.next("order_filled", 10);
                assertEquals(503, first.answeredWith(), "its retry is now on the timer, five seconds away");
                assertEquals(200, gateway.send("DELETE", "/api/v1/keys/" + trade.key(), null, TestGateway.ADMIN).status());
                gateway.closeAsIfKilled();
            }
            owned.answerWith(200);
            try (TestGateway again = TestGateway.start(dataDir, OutboundWebhooksTest.ALLOW_LOOPBACK))
            {
                StreamSlowReaderTest.await("the delivery pending at the crash given up after the restart", () ->
                    "failed".equals(statusOf(again, webhookId, first.eventId()))
                        && errorOf(again, webhookId, first.eventId()).contains("owner no longer has access"));
            }
            for (final WebhookReceiver.Received any : owned.all())
            {
                assertEquals(503, any.answeredWith(), "nothing went out after the revocation, neither before the crash nor after: " + any.json());
            }
        }
    }

    /**
     * The other way round: an event the owner could not see when it was made (the account taken from the user) reaches
     * no webhook of theirs after a restart either, though the account was given back before the restart.
     */
    @Test
    void anEventTheOwnerCouldNotSeeWhenItWasMadeIsNotDeliveredAfterARestartThatFindsTheAccountGivenBack() throws Exception
    {
        try (WebhookReceiver owned = new WebhookReceiver())
        {
            final String webhookId;
            try (TestGateway gateway = TestGateway.start(dataDir, OutboundWebhooksTest.ALLOW_LOOPBACK))
            {
                final UserClient people = new UserClient(gateway);
                final String trader = onboardedTrader(people, "paper-1", "paper-2");
                final Reply created = people.bearer("POST", "/api/v1/webhooks", String.format(FILLED, owned.url()), trader);
                assertEquals(201, created.status(), created::toString);
                webhookId = created.text("webhook_id");
                final String user = "/api/v1/users/" + gateway.get("/api/v1/users").json().path("users").get(0).path("user_id").asText();
                assertEquals(200, gateway.send("PATCH", user, "{\"account_ids\":[\"paper-1\"]}", TestGateway.ADMIN).status());
                assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
                assertEquals(201, gateway.market("paper-2", "EURUSD", "buy", "0.1").status(), "made while the user may not see paper-2");
                assertEquals(200, gateway.send("PATCH", user, "{\"account_ids\":[\"paper-1\",\"paper-2\"]}", TestGateway.ADMIN).status());
                gateway.closeAsIfKilled();
            }
            try (TestGateway again = TestGateway.start(dataDir, OutboundWebhooksTest.ALLOW_LOOPBACK))
            {
                assertEquals(202, again.quote("EURUSD", "1.08420", "1.08428").status());
                assertEquals(201, again.market("paper-2", "EURUSD", "sell", "0.1").status());
                final WebhookReceiver.Received sell = owned.next(r -> "sell".equals(r.json().path("data").path("side").asText()), 10);
                final JsonNode deliveries = again.get("/api/v1/webhooks/" + webhookId + "/deliveries").json().path("deliveries");
                assertEquals(1, deliveries.size(), "only the sell " + sell.eventId() + ", the buy judged as when it was made: " + deliveries);
                for (final WebhookReceiver.Received any : owned.all())
                {
                    assertEquals("sell", any.json().path("data").path("side").asText(), "nothing of the buy: " + any.json());
                }
            }
        }
    }

    private static String statusOf(final TestGateway gateway, final String webhookId, final String eventId)
    {
        return deliveryOf(gateway, webhookId, eventId).path("status").asText();
    }

    private static String errorOf(final TestGateway gateway, final String webhookId, final String eventId)
    {
        return deliveryOf(gateway, webhookId, eventId).path("error").asText();
    }

    private static JsonNode deliveryOf(final TestGateway gateway, final String webhookId, final String eventId)
    {
        for (final JsonNode delivery : gateway.get("/api/v1/webhooks/" + webhookId + "/deliveries").json().path("deliveries"))
        {
            if (delivery.path("event_id").asText().equals(eventId))
            {
                return delivery;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** User t@example.com (trader) with {@code accounts}, onboarded (a broker, the disclaimer accepted): its bearer token. */
    private static String onboardedTrader(final UserClient people, final String... accounts) throws Exception
    {
        final String trader = people.userWith("t@example.com", "trader", PASSWORD, accounts);
        people.bearer("PUT", "/api/v1/onboarding/brokers", "{\"broker_name\":\"B\",\"account_number\":\"1\"}", trader);
        people.bearer("PUT", "/api/v1/onboarding/preferences", "{\"disclaimer_accepted\":true}", trader);
        return trader;
    }
}
