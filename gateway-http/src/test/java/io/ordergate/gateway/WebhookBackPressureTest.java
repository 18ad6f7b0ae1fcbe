package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.gateway.TestGateway.Reply;

/**
 * A receiver that is down or busy meets bounds, not an ever-growing heap or a hammering: past
 * {@code webhooks.max_pending_per_webhook} its oldest delivery is given up (shown failed with the reason, counted in
 * /metrics, journaled, so the stop's replay agrees); a 503 with {@code Retry-After} holds that delivery and its webhook's
 * new ones until then.
 */
class WebhookBackPressureTest
{
    private static final String FILLED = "{\"url\":\"%s\",\"events\":[\"order_filled\"],\"account_ids\":[\"paper-1\"]}";

    @TempDir
    Path dataDir;

    @Test
    void aReceiverDownPastTheBoundLosesItsOldestDeliveryShownFailedWithTheReasonAndCounted() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir, "webhooks: { allow_private_targets: true, max_pending_per_webhook: 2 }\n");
            WebhookReceiver receiver = new WebhookReceiver())
        {
            final Reply created = gateway.post("/api/v1/webhooks", String.format(FILLED, receiver.url()));
            assertEquals(201, created.status(), created::toString);
            final String webhookId = created.text("webhook_id");
            receiver.answerWith(500);
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            for (int i = 0; i < 3; i++)
            {
                assertEquals(201, gateway.market("paper-1", "EURUSD", i % 2 == 0 ? "buy" : "sell", "0.1").status());
            }
            final List<JsonNode> oldestFirst = new ArrayList<>();
            StreamSlowReaderTest.await("the oldest shown given up for the bound", () ->
            {
                oldestFirst.clear();
                gateway.get("/api/v1/webhooks/" + webhookId + "/deliveries").json().path("deliveries").forEach(d -> oldestFirst.add(0, d));
                return oldestFirst.size() == 3 && "failed".equals(oldestFirst.get(0).path("status").asText());
            });
            assertTrue(oldestFirst.get(0).path("error").asText().contains("webhooks.max_pending_per_webhook"), oldestFirst.get(0)::toString);
            assertTrue(oldestFirst.get(0).path("next_attempt_at").isNull(), oldestFirst.get(0)::toString);
            assertEquals(1, metric(gateway, "ordergate_webhook_deliveries_given_up_for_bound_total"));
            assertEquals(2, metric(gateway, "ordergate_webhook_deliveries_pending"));

            final String givenUp = oldestFirst.get(0).path("event_id").asText();
            // the given-up one may have been tried before the third event came, or not: the two kept ones are, before the receiver is back
            StreamSlowReaderTest.await("the two kept events tried and refused", () -> eventIds(receiver).containsAll(
                Set.of(oldestFirst.get(1).path("event_id").asText(), oldestFirst.get(2).path("event_id").asText())));
            receiver.answerWith(200);
            for (final JsonNode kept : oldestFirst.subList(1, 3))
            {
                receiver.next(r -> r.eventId().equals(kept.path("event_id").asText()) && r.answeredWith() == 200, 15);
            }
            StreamSlowReaderTest.await("nothing pending", () -> metric(gateway, "ordergate_webhook_deliveries_pending") == 0);
            for (final WebhookReceiver.Received any : receiver.all())
            {
                assertTrue(!any.eventId().equals(givenUp) || any.answeredWith() == 500, "the given-up event is not tried again");
            }
        }
    }

    @Test
    void aBusyReceiversRetryAfterHoldsItsDeliveryAndItsWebhooksNewOnesUntilThen() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir, OutboundWebhooksTest.ALLOW_LOOPBACK); WebhookReceiver receiver = new WebhookReceiver())
        {
            final Reply created = gateway.post("/api/v1/webhooks", String.format(FILLED, receiver.url()));
            assertEquals(201, created.status(), created::toString);
            final String webhookId = created.text("webhook_id");
            receiver.answerWith(503, "3");
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            assertEquals(201, gateway.market("paper-1", "EURUSD", "buy", "0.1").status());
            final WebhookReceiver.Received busy = receiver.next("order_filled", 10);
            assertEquals(503, busy.answeredWith());
            // the sender pauses the webhook when it reads the busy answer (before it journals the attempt): an event coming
            // earlier may go out beside the busy one (up to WebhookSender.PER_WEBHOOK at once), so the next order waits for it
            StreamSlowReaderTest.await("the busy answer read", () ->
            {
                for (final JsonNode delivery : gateway.get("/api/v1/webhooks/" + webhookId + "/deliveries").json().path("deliveries"))
                {
                    if (delivery.path("event_id").asText().equals(busy.eventId()) && delivery.path("http_status").asInt() == 503)
                    {
                        return true;
                    }
                }
                return false;
            });
            receiver.answerWith(200);
            assertEquals(201, gateway.market("paper-1", "EURUSD", "sell", "0.1").status());

            final WebhookReceiver.Received retried = receiver.next(r -> r.eventId().equals(busy.eventId()) && r.answeredWith() == 200, 15);
            final WebhookReceiver.Received later = receiver.next(r -> !r.eventId().equals(busy.eventId()), 15);
            assertTrue(retried.atNanos() - busy.atNanos() >= 2_900_000_000L, "retried after Retry-After's 3 s, not the first back-off's 1 s: "
                + (retried.atNanos() - busy.atNanos()) / 1_000_000 + " ms");
            assertTrue(later.atNanos() - busy.atNanos() >= 2_900_000_000L, "the webhook's new event waited too: "
                + (later.atNanos() - busy.atNanos()) / 1_000_000 + " ms");
        }
    }

    private static long metric(final TestGateway gateway, final String name)
    {
        final Matcher matcher = Pattern.compile("^" + name + " (\\d+)$", Pattern.MULTILINE).matcher(gateway.get("/metrics").body());
        if (!matcher.find())
        {
            throw new AssertionError("no " + name + " in /metrics");
        }
        return Long.parseLong(matcher.group(1));
    }

    private static Set<String> eventIds(final WebhookReceiver receiver)
    {
        return receiver.all().stream().map(WebhookReceiver.Received::eventId).collect(Collectors.toSet());
    }
}
