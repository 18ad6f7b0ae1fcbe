package io.ordergate.gateway.webhooksout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.ordergate.config.ConfigLoader;
import io.ordergate.gateway.core.CommandPublisher;

/**
 * What the sender holds is what is still to send: a deleted webhook leaves neither an entry (ids are never reused, so
 * one kept per deletion would grow for ever) nor its retries' timer tasks, and a delivery given up no longer waits.
 */
class WebhookSenderTest
{
    private static final long IN_AN_HOUR = System.currentTimeMillis() * 1000L + 3_600_000_000L;

    @Test
    void aDeletedWebhookLeavesNothingBehindNotEvenTheTimerTasksOfItsRetries()
    {
        try (WebhookSender sender = new WebhookSender(ConfigLoader.demo().webhooks(), new CommandPublisher(), (owner, account) -> true))
        {
            sender.submit(delivery("wh_1", "evt_1_0"), 2, IN_AN_HOUR);
            sender.submit(delivery("wh_1", "evt_2_0"), 2, IN_AN_HOUR);
            sender.submit(delivery("wh_2", "evt_1_0"), 2, IN_AN_HOUR);
            assertEquals(2, sender.webhooksHeld());
            assertEquals(3, sender.timerTasks());

            sender.forget("wh_1");
            assertEquals(1, sender.webhooksHeld(), "nothing kept of the deleted webhook");
            assertEquals(1, sender.timerTasks(), "its retries' tasks cancelled and gone from the timer, not left for an hour");
        }
    }

    @Test
    void aDeliveryGivenUpIsNoLongerWaitingAndNoneIsTakenTwice()
    {
        try (WebhookSender sender = new WebhookSender(ConfigLoader.demo().webhooks(), new CommandPublisher(), (owner, account) -> true))
        {
            final Delivery oldest = delivery("wh_1", "evt_1_0");
            sender.submit(oldest, 2, IN_AN_HOUR);
            sender.submit(oldest, 2, IN_AN_HOUR);
            sender.submit(delivery("wh_1", "evt_2_0"), 2, IN_AN_HOUR);
            assertEquals(2, sender.deliveriesWaiting(), "a delivery handed over twice is held once");
            sender.giveUp(oldest, 1, "given up");
            assertEquals(1, sender.deliveriesWaiting());
        }
    }

    private static Delivery delivery(final String webhookId, final String eventId)
    {
        final Target target = new Target(webhookId, URI.create("https://example.com/hook"), WebhookEvent.ORDER_FILLED.bit(), null, null,
            "whsec_test".getBytes(StandardCharsets.US_ASCII), -1);
        return new Delivery(target, eventId, WebhookEvent.ORDER_FILLED, "{}".getBytes(StandardCharsets.US_ASCII), 0, List.of());
    }
}
