package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A receiver that is busy meets back-off, not a hammering: a 503 with {@code Retry-After} holds that delivery and its
 * webhook's new ones until then.
 */
class WebhookBackPressureTest
{
    private static final String FILLED = "{\"url\":\"%s\",\"events\":[\"order_filled\"],\"account_ids\":[\"paper-1\"]}";

    @TempDir
    Path dataDir;

    @Test
    void aBusyReceiversRetryAfterHoldsItsDeliveryAndItsWebhooksNewOnesUntilThen() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir, OutboundWebhooksTest.ALLOW_LOOPBACK); WebhookReceiver receiver = new WebhookReceiver())
        {
            assertEquals(201, gateway.post("/api/v1/webhooks", String.format(FILLED, receiver.url())).status());
            receiver.answerWith(503, "3");
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            assertEquals(201, gateway.market("paper-1", "EURUSD", "buy", "0.1").status());
            final WebhookReceiver.Received busy = receiver.next("order_filled", 10);
            assertEquals(503, busy.answeredWith());
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
}
