package io.ordergate.config;

/**
 * Outbound webhooks (events posted to receivers the clients register): whether private and loopback targets are
 * allowed, how long a delivery is retried, and the client's bounds. Immutable: safe from any thread.
 */
public final class OutboundWebhooksConfig
{
    public static final int RETRY_HOURS_DEFAULT = 24;
    public static final int TIMEOUT_SECONDS_DEFAULT = 5;
    public static final int MAX_IN_FLIGHT_DEFAULT = 64;
    public static final int MAX_WEBHOOKS_DEFAULT = 1000;
    public static final int DELIVERIES_KEPT_DEFAULT = 100;
    public static final int MAX_PENDING_PER_WEBHOOK_DEFAULT = 1000;

    private final boolean allowPrivateTargets;
    private final int retryHours;
    private final int timeoutSeconds;
    private final int maxInFlight;
    private final int maxWebhooks;
    private final int deliveriesKept;
    private final int maxPendingPerWebhook;

    OutboundWebhooksConfig(final boolean allowPrivateTargets, final int retryHours, final int timeoutSeconds, final int maxInFlight,
        final int maxWebhooks, final int deliveriesKept, final int maxPendingPerWebhook)
    {
        this.maxPendingPerWebhook = maxPendingPerWebhook;
        this.allowPrivateTargets = allowPrivateTargets;
        this.retryHours = retryHours;
        this.timeoutSeconds = timeoutSeconds;
        this.maxInFlight = maxInFlight;
        this.maxWebhooks = maxWebhooks;
        this.deliveriesKept = deliveriesKept;
    }

    static OutboundWebhooksConfig read(final YamlSection s)
    {
        final OutboundWebhooksConfig config = new OutboundWebhooksConfig(
            s.bool("allow_private_targets", false),
            s.intValue("retry_hours", RETRY_HOURS_DEFAULT, 1, 168),
            s.intValue("timeout_seconds", TIMEOUT_SECONDS_DEFAULT, 1, 60),
            s.intValue("max_in_flight", MAX_IN_FLIGHT_DEFAULT, 1, 10_000),
            s.intValue("max_webhooks", MAX_WEBHOOKS_DEFAULT, 1, 100_000),
            s.intValue("deliveries_kept", DELIVERIES_KEPT_DEFAULT, 1, 10_000),
            s.intValue("max_pending_per_webhook", MAX_PENDING_PER_WEBHOOK_DEFAULT, 1, 100_000));
        s.finish();
        return config;
    }

    /** A copy that allows private and loopback targets (ORDERGATE_WEBHOOKS_ALLOW_PRIVATE=true). */
    public OutboundWebhooksConfig allowingPrivateTargets()
    {
        return new OutboundWebhooksConfig(true, retryHours, timeoutSeconds, maxInFlight, maxWebhooks, deliveriesKept, maxPendingPerWebhook);
    }

    /** True to accept receivers on loopback, private, link-local and other non-public addresses. */
    public boolean allowPrivateTargets()
    {
        return allowPrivateTargets;
    }

    /** A delivery not answered 2xx is retried with exponential back-off for this long after its event. */
    public int retryHours()
    {
        return retryHours;
    }

    /** A receiver that has not answered within this is a failed attempt. */
    public int timeoutSeconds()
    {
        return timeoutSeconds;
    }

    /** Deliveries in flight at once, across every receiver. */
    public int maxInFlight()
    {
        return maxInFlight;
    }

    public int maxWebhooks()
    {
        return maxWebhooks;
    }

    /** Attempts kept per webhook for {@code GET /api/v1/webhooks/{id}/deliveries}. */
    public int deliveriesKept()
    {
        return deliveriesKept;
    }

    /**
     * Deliveries without a final outcome kept per webhook; past it the oldest is given up (shown {@code failed} with
     * the reason): what a receiver that stays down can make the gateway hold.
     */
    public int maxPendingPerWebhook()
    {
        return maxPendingPerWebhook;
    }

    @Override
    public String toString()
    {
        return "OutboundWebhooksConfig{allowPrivateTargets=" + allowPrivateTargets + ", retryHours=" + retryHours + ", timeoutSeconds=" +
            timeoutSeconds + ", maxInFlight=" + maxInFlight + ", maxWebhooks=" + maxWebhooks + ", deliveriesKept=" + deliveriesKept
            + ", maxPendingPerWebhook=" + maxPendingPerWebhook + '}';
    }
}
