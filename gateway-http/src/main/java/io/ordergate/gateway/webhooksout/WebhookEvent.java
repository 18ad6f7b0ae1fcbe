package io.ordergate.gateway.webhooksout;

/**
 * The events a webhook may ask for (API.md, "Outbound webhooks and logs"), each a bit of the journaled events mask.
 * Immutable.
 */
public enum WebhookEvent
{
    ORDER_FILLED("order_filled"),
    ORDER_REJECTED("order_rejected"),
    ORDER_CANCELLED("order_cancelled"),
    POSITION_OPENED("position_opened"),
    POSITION_CLOSED("position_closed"),
    ERROR_OCCURRED("error_occurred"),
    EXECUTOR_OFFLINE("executor_offline"),
    BOT_SIGNAL("bot_signal");

    /** "one of ..." for messages. */
    public static final String NAMES = "order_filled, order_rejected, order_cancelled, position_opened, position_closed, error_occurred, "
        + "executor_offline, bot_signal";

    private final String wireName;

    WebhookEvent(final String wireName)
    {
        this.wireName = wireName;
    }

    public String wireName()
    {
        return wireName;
    }

    public int bit()
    {
        return 1 << ordinal();
    }

    public boolean in(final int mask)
    {
        return (mask & bit()) != 0;
    }

    /** @return the event of a wire name, or null */
    public static WebhookEvent fromWireName(final String name)
    {
        for (final WebhookEvent event : values())
        {
            if (event.wireName.equals(name))
            {
                return event;
            }
        }
        return null;
    }
}
