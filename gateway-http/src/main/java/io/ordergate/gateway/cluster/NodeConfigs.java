package io.ordergate.gateway.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import io.ordergate.config.ConfigLoader;

/**
 * The configuration files of a three-member cluster on one machine (the cluster demo's and the fail-over drill's):
 * the demo's instruments, a paper account, each member with its own HTTP port, data directory and cluster ports.
 * Built as YAML trees from the embedded demo configuration and written with SnakeYAML.
 */
public final class NodeConfigs
{
    public static final int MEMBERS = 3;

    private NodeConfigs()
    {
    }

    /** What to write. {@code heartbeatMillis}: how long followers wait for a silent leader (most of a fail-over). */
    public record Layout(Path dir, int httpPort, int clusterPortBase, int heartbeatMillis, boolean quoteFeed)
    {
    }

    /** Writes {@code dir/node0.yaml} .. {@code node2.yaml}; returns their paths. Member i listens on httpPort + i. */
    public static List<Path> write(final Layout layout)
    {
        final List<Path> files = new ArrayList<>();
        final byte[] signing = new byte[32];
        new java.security.SecureRandom().nextBytes(signing);
        final String jwtSecret = java.util.Base64.getEncoder().encodeToString(signing);  // one key: a session works on every member
        for (int id = 0; id < MEMBERS; id++)
        {
            final Map<String, Object> node = node(layout.dir().toAbsolutePath().resolve("node" + id), layout.httpPort() + id, layout.quoteFeed());
            node.put("auth", withSigningKey(node.get("auth"), jwtSecret));
            final Map<String, Object> cluster = new LinkedHashMap<>();
            cluster.put("enabled", true);
            cluster.put("member_id", id);
            cluster.put("members", List.of("127.0.0.1", "127.0.0.1", "127.0.0.1"));
            cluster.put("port_base", layout.clusterPortBase());
            cluster.put("leader_heartbeat_timeout_millis", layout.heartbeatMillis());
            node.put("cluster", cluster);
            files.add(write(layout.dir().resolve("node" + id + ".yaml"), node, "member " + id + " of a three-member Ordergate cluster on this machine"));
        }
        return files;
    }

    /**
     * Writes {@code dir/node0.yaml}: the same gateway as one member, but the single-node form (the journal, no cluster),
     * for comparing the cost of replication on the same machine at the same moment.
     */
    public static Path writeSingle(final Path dir, final int httpPort)
    {
        return write(dir.resolve("node0.yaml"), node(dir.toAbsolutePath().resolve("node0"), httpPort, false),
            "the single-node form of a cluster member's configuration");
    }

    private static Map<String, Object> node(final Path dataDir, final int httpPort, final boolean quoteFeed)
    {
        final Map<String, Object> demo = demo();
        final Map<String, Object> node = new LinkedHashMap<>();
        node.put("server", Map.of("host", "127.0.0.1", "port", httpPort));
        node.put("data_dir", dataDir.toString());
        node.put("instruments", demo.get("instruments"));
        node.put("accounts", List.of(Map.of("account_id", "paper-1", "venue", "paper", "currency", "USD", "balance", "100000",
            "leverage", 100)));
        node.put("demo", Map.of("quote_feed", quoteFeed, "quote_interval_millis", 250, "simulated_terminal", false));
        node.put("auth", demo.get("auth"));
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withSigningKey(final Object auth, final String jwtSecret)
    {
        final Map<String, Object> withKey = auth instanceof Map ? new LinkedHashMap<>((Map<String, Object>)auth) : new LinkedHashMap<>();
        withKey.put("jwt_secret", jwtSecret);
        return withKey;
    }

    private static Path write(final Path file, final Map<String, Object> node, final String what)
    {
        try
        {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "# " + what + " (docs/CLUSTER.md)\n" + yaml().dump(node), StandardCharsets.UTF_8);
            return file;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> demo()
    {
        try (InputStream in = NodeConfigs.class.getResourceAsStream(ConfigLoader.DEMO_RESOURCE))
        {
            return (Map<String, Object>)new Yaml().load(in);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static Yaml yaml()
    {
        final DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options);
    }
}
