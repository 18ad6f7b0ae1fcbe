package io.ordergate.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

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
     * {@code --flag=value}) and the {@code ORDERGATE_*} variables of {@code env}.
     *
     * @throws ConfigException keyed by the flag or variable at fault.
     */
    public static StartupOptions parse(final String[] args, final Map<String, String> env)
    {
        Path configFile = null;
        Integer port = null;
        Path dataDir = null;
        Integer clusterMember = null;
        boolean help = false;
        for (int i = 0; i < args.length; i++)
        {
            final String arg = args[i];
            final int equals = arg.indexOf('=');
            final String flag = arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg;
            final boolean inline = !flag.equals(arg);
            switch (flag)
            {
                case "--help":
                case "-h":
                    if (inline)
                    {
                        throw error(flag, "takes no value");
                    }
                    help = true;
                    break;
                case "--port":
                case "--data-dir":
                case "--config":
                case "--cluster-member":
                    final String value;
                    if (inline)
                    {
                        value = arg.substring(equals + 1);
                    }
                    else if (i + 1 < args.length)
                    {
                        value = args[++i];
                    }
                    else
                    {
                        throw error(flag, "needs a value");
                    }
                    if (flag.equals("--port"))
                    {
                        port = port(value);
                    }
                    else if (flag.equals("--data-dir"))
                    {
                        dataDir = path(flag, value);
                    }
                    else if (flag.equals("--cluster-member"))
                    {
                        clusterMember = member(value);
                    }
                    else
                    {
                        configFile = path(flag, value);
                    }
                    break;
                default:
                    throw error(flag, "unknown option (try --help)");
            }
        }

        final String apiKey = nonEmpty(env, API_KEY_ENV);
        final String apiSecret = nonEmpty(env, API_SECRET_ENV);
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
        return new StartupOptions(configFile, port, dataDir, apiKey, apiSecret, "off".equals(feed), help, "true".equals(allowPrivate),
            clusterMember);
    }

    /** The text printed for {@code --help}. */
    public static String usage()
    {
        return String.join(System.lineSeparator(),
            "usage: java -jar ordergate.jar [--config FILE] [--port N] [--data-dir DIR] [--cluster-member N] [--help]",
            "  --config FILE    YAML configuration (default: the embedded demo configuration)",
            "  --port N         listen port, 0..65535 (0 = any free port); overrides server.port",
            "  --data-dir DIR   journal and state directory; overrides data_dir",
            "  --cluster-member N   run as member N of the configuration's cluster.members (the same file on",
            "                   every host); sets cluster.enabled and cluster.member_id (docs/CLUSTER.md)",
            "  --help           print this and exit",
            "environment:",
            "  " + API_KEY_ENV + ", " + API_SECRET_ENV + "   admin API key (both or neither;",
            "                   neither: a key is generated and printed once)",
            "  " + DEMO_FEED_ENV + "=on|off   off stops the simulated quote feed",
            "  " + WEBHOOKS_ALLOW_PRIVATE_ENV + "=true   outbound webhooks may target loopback and private addresses");
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

    private static int port(final String value)
    {
        if (!value.isEmpty() && value.length() <= 5 && value.chars().allMatch(c -> c >= '0' && c <= '9'))
        {
            final int port = Integer.parseInt(value);
            if (port <= 65535)
            {
                return port;
            }
        }
        throw error("--port", "must be an integer 0..65535, was \"" + value + "\"");
    }

    private static int member(final String value)
    {
        if (value.length() == 1 && value.charAt(0) >= '0' && value.charAt(0) <= '8')
        {
            return value.charAt(0) - '0';
        }
        throw error("--cluster-member", "must be a member index 0..8, was \"" + value + "\"");
    }

    private static Path path(final String flag, final String value)
    {
        try
        {
            if (!value.isBlank())
            {
                return Path.of(value);
            }
        }
        catch (final InvalidPathException ex)
        {
            // reported below
        }
        throw error(flag, "must be a path, was \"" + value + "\"");
    }

    private static String nonEmpty(final Map<String, String> env, final String name)
    {
        final String value = env.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    private static ConfigException error(final String key, final String problem)
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
