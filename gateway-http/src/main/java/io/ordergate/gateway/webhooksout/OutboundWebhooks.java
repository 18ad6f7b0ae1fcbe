package io.ordergate.gateway.webhooksout;

import java.util.Map;

import io.ordergate.config.GatewayConfig;
import io.ordergate.gateway.core.Accesses;
import io.ordergate.gateway.core.CommandPublisher;
import io.ordergate.gateway.core.FanOutListener;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.ReplyListener;

/**
 * Outbound webhooks, assembled: the engine's handler ({@link WebhookCommands}, installed before replay), the routes,
 * the directory the reply stage keeps ({@link WebhookDirectory}), and the fan-out's dispatch to the sender's threads
 * ({@link WebhookDispatch}, {@link WebhookSender}). How it holds together across a crash: docs/STREAMS.md,
 * "Outbound webhooks". Built on the start-up thread; {@code owners} says what a webhook's owner (the principal that
 * registered it) may still see, asked from the fan-out and the sender's threads.
 */
public final class OutboundWebhooks
{
    private final WebhookDirectory directory;
    private final OutboundWebhookRoutes routes;
    private final WebhookDispatch dispatch;

    public OutboundWebhooks(final GatewayConfig config, final Accesses access, final CommandPublisher publisher, final Map<String, String> env,
        final OwnerAccess owners)
    {
        final WebhookSecrets secrets = new WebhookSecrets(config.dataDir(), env);
        this.directory = new WebhookDirectory(config.webhooks().deliveriesKept());
        final WebhookSender sender = new WebhookSender(config.webhooks(), publisher, owners);
        this.routes = new OutboundWebhookRoutes(access, config.webhooks(), secrets, directory, sender);
        this.dispatch = new WebhookDispatch(secrets, directory, sender,
            new ExecutorWatch(config.executors().offlineAfterSeconds() * 1_000_000L, publisher), owners, config.webhooks().maxPendingPerWebhook());
    }

    public Feature routes()
    {
        return routes;
    }

    /** The reply stage's part: the directory the routes list. */
    public ReplyListener directory()
    {
        return directory;
    }

    /** Deliveries pending across every webhook (a gauge for /metrics). */
    public long pendingDeliveries()
    {
        return dispatch.pending().count();
    }

    /** Deliveries given up since start because their webhook had webhooks.max_pending_per_webhook newer ones waiting. */
    public long givenUpForBound()
    {
        return dispatch.pending().givenUpForBound();
    }

    /** The fan-out's part: events into deliveries, outcomes, retries. */
    public FanOutListener dispatch()
    {
        return dispatch;
    }
}
