package io.ordergate.gateway.cluster;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.ordergate.config.secrets.MasterKeys;
import io.ordergate.gateway.auth.Secrets;

/**
 * {@code java -jar ordergate.jar cluster-demo}: three gateways on this machine as one cluster, each its own process
 * as on three hosts (member i on HTTP port 8081 + i, its data in cluster-demo/node{i}), sharing one admin key.
 * Runs until Ctrl-C, which stops the three. Kill one (its pid is printed) to watch the others go on.
 */
@Command(name = "cluster-demo", mixinStandardHelpOptions = true,
    description = "Start a three-member Ordergate cluster on this machine (docs/CLUSTER.md).")
public final class ClusterDemo implements Callable<Integer>
{
    @Option(names = "--dir", defaultValue = "cluster-demo", description = "where the members' configurations, data and logs go (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--http-port", defaultValue = "8081", description = "member i listens on this port + i (default: ${DEFAULT-VALUE})")
    int httpPort;

    @Option(names = "--cluster-port-base", defaultValue = "20000", description = "the cluster's ports start here (default: ${DEFAULT-VALUE})")
    int portBase;

    private final PrintStream out;

    ClusterDemo(final PrintStream out)
    {
        this.out = out;
    }

    /** Runs a command line (without the leading {@code cluster-demo}); returns the exit status. */
    public static int run(final String[] args, final PrintStream out, final PrintStream err)
    {
        final CommandLine line = new CommandLine(new ClusterDemo(out));
        line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        return line.execute(args);
    }

    /** The demo's master key: {@code DIR/master.key}, made once (owner-only) and given to every member. */
    private String sharedMasterKey() throws java.io.IOException
    {
        MasterKeys.load(Map.of(), dir);
        return java.nio.file.Files.readString(dir.resolve(MasterKeys.KEY_FILE)).trim();
    }

    @Override
    public Integer call() throws Exception
    {
        final String key = System.getenv().getOrDefault("ORDERGATE_API_KEY", Secrets.newKey());
        final String secret = System.getenv().getOrDefault("ORDERGATE_API_SECRET", Secrets.newSecret());
        final List<Path> configs = NodeConfigs.write(new NodeConfigs.Layout(dir, httpPort, portBase, 2_000, true));
        final CountDownLatch stopped = new CountDownLatch(1);
        // one master key for the three (kept in the demo's directory): any member opens what another sealed
        final String masterKey = System.getenv().getOrDefault(MasterKeys.KEY_ENV, sharedMasterKey());
        final NodeProcesses nodes = new NodeProcesses(configs, Map.of("ORDERGATE_API_KEY", key, "ORDERGATE_API_SECRET", secret,
            MasterKeys.KEY_ENV, masterKey));
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            nodes.close();
            stopped.countDown();
        }, "og-cluster-demo-stop"));
        try
        {
            for (int id = 0; id < configs.size(); id++)
            {
                nodes.start(id);
            }
            for (int id = 0; id < configs.size(); id++)
            {
                final String url = "http://127.0.0.1:" + (httpPort + id);
                if (!nodes.awaitHealthy(id, url, 120_000))
                {
                    out.println("member " + id + " did not become ready within 120 s: see " + configs.get(id).resolveSibling("node" + id + ".log"));
                    return 1;  // the hook stops the others
                }
                out.println("member " + id + ": " + url + " (pid " + nodes.process(id).pid() + ", log " + configs.get(id).resolveSibling("node" + id + ".log") + ")");
            }
            out.println("Admin API key: " + key);
            out.println("Admin API secret: " + secret);
            out.println("Any member takes orders; the answer comes once a majority has the command. Ctrl-C stops all three.");
            out.flush();
            stopped.await();
            return 0;
        }
        finally
        {
            nodes.close();
        }
    }
}
