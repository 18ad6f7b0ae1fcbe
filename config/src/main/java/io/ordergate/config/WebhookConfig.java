package io.ordergate.config;

import java.util.List;

/**
 * The TradingView webhook route: duplicate suppression and the source addresses allowed to call it.
 * Immutable: safe from any thread.
 */
public final class WebhookConfig
{
    public static final int DEDUP_WINDOW_MILLIS_DEFAULT = 2000;
    public static final int SIGNED_ALERT_WINDOW_SECONDS_DEFAULT = 300;

    private final int dedupWindowMillis;
    private final int signedAlertWindowSeconds;
    private final List<String> allowedSources;

    WebhookConfig(final int dedupWindowMillis, final int signedAlertWindowSeconds, final List<String> allowedSources)
    {
        this.dedupWindowMillis = dedupWindowMillis;
        this.signedAlertWindowSeconds = signedAlertWindowSeconds;
        this.allowedSources = List.copyOf(allowedSources);
    }

    static WebhookConfig read(final YamlSection s)
    {
        final int window = s.intValue("dedup_window_millis", DEDUP_WINDOW_MILLIS_DEFAULT, 0, 3_600_000);
        final int signedWindow = s.intValue("signed_alert_window_seconds", SIGNED_ALERT_WINDOW_SECONDS_DEFAULT, 1, 86_400);
        final List<String> sources = s.strings("allowed_sources");
        for (int i = 0; i < sources.size(); i++)
        {
            if (!NetworkAddresses.isAddressOrCidr(sources.get(i)))
            {
                throw new ConfigException(s.pathOf("allowed_sources") + "[" + i + "]",
                    "must be an IPv4 or IPv6 address or CIDR block, was \"" + sources.get(i) + "\"");
            }
        }
        s.finish();
        return new WebhookConfig(window, signedWindow, sources);
    }

    /** Identical alerts within this window are answered once; 0 turns de-duplication off. */
    public int dedupWindowMillis()
    {
        return dedupWindowMillis;
    }

    /**
     * A signed alert (X-TradingView-Signature) without an id must say when it was sent, within this many seconds of
     * the gateway's clock: outside it, a captured alert cannot be sent again.
     */
    public int signedAlertWindowSeconds()
    {
        return signedAlertWindowSeconds;
    }

    /** Addresses or CIDR blocks ("52.89.214.238", "10.0.0.0/8", "::1"); empty allows any source. */
    public List<String> allowedSources()
    {
        return allowedSources;
    }

    @Override
    public String toString()
    {
        return "WebhookConfig{dedupWindowMillis=" + dedupWindowMillis + ", signedAlertWindowSeconds=" + signedAlertWindowSeconds
            + ", allowedSources=" + allowedSources + '}';
    }
}
