package io.ordergate.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and validates a YAML configuration into a {@link GatewayConfig}. Stateless: safe from any thread;
 * called at start-up and by tests.
 *
 * <p>Works on SnakeYAML's composed node tree (safe: nothing is constructed), so every decimal is parsed from its
 * exact text. Every section and key is optional except {@code instruments}; unknown keys are errors.
 */
public final class ConfigLoader
{
    /** Classpath location of the embedded demo configuration. */
    public static final String DEMO_RESOURCE = "/io/ordergate/config/demo.yaml";
    public static final String DATA_DIR_DEFAULT = "./data";

    private ConfigLoader()
    {
    }

    /** Loads {@code file}; a {@link ConfigException} keyed by the file name if it cannot be read or parsed. */
    public static GatewayConfig load(final Path file)
    {
        final String yaml;
        try
        {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (final IOException | RuntimeException ex)
        {
            throw new ConfigException(file.toString(), "config error at " + file + ": cannot read file (" +
                ex.getClass().getSimpleName() + ": " + ex.getMessage() + ")", ex);
        }
        return parse(yaml, file.toString());
    }

    /** The embedded demo configuration: FX, gold and a crypto pair, a paper and an mt5 account, on loopback. */
    public static GatewayConfig demo()
    {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEMO_RESOURCE))
        {
            if (in == null)
            {
                throw new IllegalStateException("missing resource " + DEMO_RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEMO_RESOURCE);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot read " + DEMO_RESOURCE, ex);
        }
    }

    /** Parses and validates {@code yaml}; {@code sourceName} names it in YAML syntax errors. */
    public static GatewayConfig parse(final String yaml, final String sourceName)
    {
        final Node document;
        try
        {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
        }
        catch (final YAMLException ex)
        {
            throw new ConfigException(sourceName, "config error at " + sourceName + ": invalid YAML: " +
                ex.getMessage(), ex);
        }
        try
        {
            return read(YamlSection.root(document));
        }
        catch (final ConfigException ex)
        {
            throw YamlLines.withLine(ex, document);
        }
    }

    private static GatewayConfig read(final YamlSection root)
    {
        final ServerConfig server = ServerConfig.read(root.section("server"));
        final Path dataDir = dataDir(root);
        final PipelineConfig pipeline = PipelineConfig.read(root.section("pipeline"));
        final EngineConfig engine = EngineConfig.read(root.section("engine"));
        final List<InstrumentSpec> instruments = instruments(root);
        final List<AccountSpec> accounts = accounts(root);
        final ExecutorConfig executors = ExecutorConfig.read(root.section("executors"));
        final DemoConfig demo = DemoConfig.read(root.section("demo"));
        final WebhookConfig webhook = WebhookConfig.read(root.section("webhook"));
        final AuthConfig auth = AuthConfig.read(root.section("auth"));
        final SmtpConfig smtp = SmtpConfig.read(root.section("smtp"));
        final GatewayConfig.LiveSections live = new GatewayConfig.LiveSections(StreamsConfig.read(root.section("streams")),
            OutboundWebhooksConfig.read(root.section("webhooks")), LogsConfig.read(root.section("logs")),
            JournalConfig.read(root.section("journal")));
        final ClusterConfig cluster = ClusterConfig.read(root.section("cluster"));
        final ExchangeConfig exchanges = ExchangeConfig.read(root.section("exchanges"));
        final EaConfig ea = EaConfig.read(root.section("ea"));
        root.finish();
        checkAnswerTimeout(server, executors, cluster);
        return new GatewayConfig(server, dataDir, pipeline, engine, instruments, accounts, executors, demo, webhook, auth, smtp, live, cluster, exchanges, ea);
    }

    /** The answer timeout cuts short any wait that has a bound of its own: it must be the longer. */
    private static void checkAnswerTimeout(final ServerConfig server, final ExecutorConfig executors, final ClusterConfig cluster)
    {
        final int answer = server.answerTimeoutSeconds();
        if (answer <= executors.investorWaitSeconds())
        {
            throw new ConfigException("server.answer_timeout_seconds", "must be greater than executors.investor_wait_seconds ("
                + executors.investorWaitSeconds() + "), was " + answer);
        }
        if (cluster.enabled() && answer * 1000L <= cluster.commitTimeoutMillis())
        {
            throw new ConfigException("server.answer_timeout_seconds", "must be greater than cluster.commit_timeout_millis ("
                + cluster.commitTimeoutMillis() + " ms), was " + answer + " s");
        }
    }

    private static Path dataDir(final YamlSection root)
    {
        final String text = root.string("data_dir", DATA_DIR_DEFAULT);
        try
        {
            if (text.isBlank())
            {
                throw new InvalidPathException(text, "empty");
            }
            return GatewayConfig.absolute(Path.of(text));
        }
        catch (final InvalidPathException ex)
        {
            throw new ConfigException("data_dir", "must be a directory path, was \"" + text + "\"");
        }
    }

    private static List<InstrumentSpec> instruments(final YamlSection root)
    {
        final List<YamlSection> sections = root.sections("instruments");
        if (sections.isEmpty())
        {
            throw new ConfigException("instruments", "at least one instrument is required");
        }
        final List<InstrumentSpec> result = new ArrayList<>();
        final Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < sections.size(); i++)
        {
            final InstrumentSpec spec = InstrumentSpec.read(sections.get(i), i);
            final Integer first = seen.putIfAbsent(spec.symbol(), i);
            if (first != null)
            {
                throw new ConfigException("instruments[" + i + "].symbol",
                    "duplicate symbol " + spec.symbol() + ", first at instruments[" + first + "]");
            }
            result.add(spec);
        }
        return result;
    }

    private static List<AccountSpec> accounts(final YamlSection root)
    {
        final List<YamlSection> sections = root.sections("accounts");
        final List<AccountSpec> result = new ArrayList<>();
        final Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < sections.size(); i++)
        {
            final AccountSpec spec = AccountSpec.read(sections.get(i));
            final Integer first = seen.putIfAbsent(spec.accountId(), i);
            if (first != null)
            {
                throw new ConfigException("accounts[" + i + "].account_id",
                    "duplicate account id " + spec.accountId() + ", first at accounts[" + first + "]");
            }
            result.add(spec);
        }
        return result;
    }
}
