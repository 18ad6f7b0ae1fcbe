package io.ordergate.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.ordergate.config.secrets.MasterKeys;

/**
 * The command line and environment of the gateway's {@code main}: which configuration to load and what to
 * override in it. Immutable: safe from any thread; {@link #toString()} never shows the API secret.
 */
public final class StartupOptions
{
    public static final String API_KEY_ENV = "ORDERGATE_API_KEY";
    public static final String API_SECRET_ENV = "ORDERGATE_API_SECRET";
    public static final String DEMO_FEED_ENV = "ORDERGATE_DEMO_FEED";
    public static final String WEBHOOKS_ALLOW_PRIVATE_ENV = "ORDERGATE_WEBHOOKS_ALLOW_PRIVATE";

    private final Path configFile;
    private final Integer port;
    private final Path dataDir;
    private final String apiKey;
    private final String apiSecret;
    private final boolean demoFeedOff;
    private final boolean help;
    private final boolean webhooksAllowPrivate;
    private final Integer clusterMember;

    private StartupOptions(
        final Path configFile, final Integer port, final Path dataDir, final String apiKey, final String apiSecret,
        final boolean demoFeedOff, final boolean help, final boolean webhooksAllowPrivate, final Integer clusterMember)
    {
        this.clusterMember = clusterMember;
        this.webhooksAllowPrivate = webhooksAllowPrivate;
        this.configFile = configFile;
        this.port = port;
        this.dataDir = dataDir;
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
        this.demoFeedOff = demoFeedOff;
        this.help = help;
    }

    /**
     * Reads {@code --port N}, {@code --data-dir DIR}, {@code --config FILE}, {@code --cluster-member N}, {@code --help} (also as
     * {@code --flag=value}; a flag given twice: the last one counts) and the {@code ORDERGATE_*} variables of {@code env}.
     *
     * @throws ConfigException keyed by the flag or variable at fault.
     */
    public static StartupOptions parse(final String[] args, final Map<String, String> env)
    {
        final StartupFlags flags = StartupFlags.read(args);
        // The variables are read from the map given, not through picocli's ${env:...} defaults: tests pass their own map.

        final String apiKey = sendable(API_KEY_ENV, nonEmpty(env, API_KEY_ENV));
        final String apiSecret = sendable(API_SECRET_ENV, nonEmpty(env, API_SECRET_ENV));
        if (apiKey != null && apiSecret == null)
        {
            throw error(API_SECRET_ENV, "must be set when " + API_KEY_ENV + " is set");
        }
        if (apiSecret != null && apiKey == null)
        {
            throw error(API_KEY_ENV, "must be set when " + API_SECRET_ENV + " is set");
        }
        final String feed = env.get(DEMO_FEED_ENV);
        if (feed != null && !feed.equals("on") && !feed.equals("off"))
        {
            throw error(DEMO_FEED_ENV, "must be on or off, was \"" + feed + "\"");
        }
        final String allowPrivate = env.get(WEBHOOKS_ALLOW_PRIVATE_ENV);
        if (allowPrivate != null && !allowPrivate.equals("true") && !allowPrivate.equals("false"))
        {
            throw error(WEBHOOKS_ALLOW_PRIVATE_ENV, "must be true or false, was \"" + allowPrivate + "\"");
        }
        MasterKeys.checkEnvironment(env);
        return new StartupOptions(flags.configFile, flags.port, flags.dataDir, apiKey, apiSecret, "off".equals(feed), flags.help,
            "true".equals(allowPrivate), flags.clusterMember);
    }

    /** The text printed for {@code --help}: written by picocli from the flags themselves ({@link StartupFlags}). */
    public static String usage()
    {
        return StartupFlags.usage();
    }

    /**
     * The configuration to run: {@code --config} or the embedded demo, with {@code --port}, {@code --data-dir}
     * and the demo-feed switch applied.
     */
    public GatewayConfig resolveConfig()
    {
        GatewayConfig config = configFile == null ? ConfigLoader.demo() : ConfigLoader.load(configFile);
        if (port != null)
        {
            config = config.withPort(port);
        }
        if (dataDir != null)
        {
            config = config.withDataDir(dataDir);
        }
        if (demoFeedOff)
        {
            config = config.withQuoteFeed(false);
        }
        if (clusterMember != null)
        {
            if (clusterMember >= config.cluster().members().size())
            {
                throw error("--cluster-member", "must be the index of this node in cluster.members (0 to " +
                    (config.cluster().members().size() - 1) + "), was " + clusterMember);
            }
            config = config.withCluster(config.cluster().asMember(clusterMember));
        }
        if (webhooksAllowPrivate)
        {
            config = config.withWebhooks(config.webhooks().allowingPrivateTargets());
        }
        return config;
    }

    public Optional<Path> configFile()
    {
        return Optional.ofNullable(configFile);
    }

    public OptionalInt port()
    {
        return port == null ? OptionalInt.empty() : OptionalInt.of(port);
    }

    /** {@code --cluster-member N}: this node's index in the configuration's {@code cluster.members}. */
    public OptionalInt clusterMember()
    {
        return clusterMember == null ? OptionalInt.empty() : OptionalInt.of(clusterMember);
    }

    public Optional<Path> dataDir()
    {
        return Optional.ofNullable(dataDir);
    }

    public Optional<String> apiKey()
    {
        return Optional.ofNullable(apiKey);
    }

    /** The admin API secret from the environment; hash it, never log it. */
    public Optional<String> apiSecret()
    {
        return Optional.ofNullable(apiSecret);
    }

    /** True when {@code ORDERGATE_DEMO_FEED=off}. */
    public boolean demoFeedOff()
    {
        return demoFeedOff;
    }

    public boolean help()
    {
        return help;
    }

    private static String nonEmpty(final Map<String, String> env, final String name)
    {
        final String value = env.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * {@code value} when a client can send it in the {@code X-API-Key} / {@code X-API-Secret} header: visible ASCII only, since
     * a header loses the spaces at its ends and carries bytes, not UTF-8. The refusal names the variable and the position, never
     * the value (a secret).
     */
    private static String sendable(final String name, final String value)
    {
        for (int i = 0; value != null && i < value.length(); i++)
        {
            if (value.charAt(i) < '!' || value.charAt(i) > '~')
            {
                throw error(name, "must be visible ASCII characters (! to ~), which a client can send in a header; character " + (i + 1)
                    + " is not");
            }
        }
        return value;
    }

    /** A refusal keyed by the flag or variable at fault, worded "{@code key: problem}" (the flags' too: {@link StartupFlags}). */
    static ConfigException error(final String key, final String problem)
    {
        return new ConfigException(key, key + ": " + problem, null);
    }

    @Override
    public String toString()
    {
        return "StartupOptions{config=" + configFile + ", port=" + port + ", dataDir=" + dataDir +
            ", apiKey=" + apiKey + ", apiSecret=" + (apiSecret == null ? "unset" : "<set>") +
            ", demoFeedOff=" + demoFeedOff + ", help=" + help + '}';
    }
}
