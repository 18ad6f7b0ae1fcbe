package io.ordergate.config;

import java.util.List;

/**
 * The TradingView webhook route: duplicate suppression and the source addresses allowed to call it.
 * Immutable: safe from any thread.
 */
public final class WebhookConfig
{
    public static final int DEDUP_WINDOW_MILLIS_DEFAULT = 2000;

    private final int dedupWindowMillis;
    private final List<String> allowedSources;

    WebhookConfig(final int dedupWindowMillis, final List<String> allowedSources)
    {
        this.dedupWindowMillis = dedupWindowMillis;
        this.allowedSources = List.copyOf(allowedSources);
    }

    static WebhookConfig read(final YamlSection s)
    {
        final int window = s.intValue("dedup_window_millis", DEDUP_WINDOW_MILLIS_DEFAULT, 0, 3_600_000);
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
        return new WebhookConfig(window, sources);
    }

    /** Identical alerts within this window are answered once; 0 turns de-duplication off. */
    public int dedupWindowMillis()
    {
        return dedupWindowMillis;
    }

    /** Addresses or CIDR blocks ("52.89.214.238", "10.0.0.0/8", "::1"); empty allows any source. */
    public List<String> allowedSources()
    {
        return allowedSources;
    }

    @Override
    public String toString()
    {
        return "WebhookConfig{dedupWindowMillis=" + dedupWindowMillis + ", allowedSources=" + allowedSources + '}';
    }
}
