package io.ordergate.benchmarks.failover;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The fail-over drill, many times: {@code java -cp benchmarks/target/benchmarks.jar
 * io.ordergate.benchmarks.failover.FailoverBenchmark [TRIALS] [LOAD_SECONDS]} (20 trials of 5 + 5 seconds by default; {@code --help}).
 * Each trial starts three fresh gateway JVMs from {@code gateway-http/target/ordergate.jar} as one cluster, kills the
 * leader ({@code kill -9}) under load, and checks every acknowledged order on the new leader; then the same clients
 * drive one gateway in the single-node form for as long, so the cost of replication is measured at the same moment.
 * Prints each trial, then trials, orders acknowledged, orders lost, time to a new leader (p50, max), the orders'
 * round trips through the cluster (before the kill) and through the single node, and the machine's load.
 */
@Command(name = "failover-benchmark", mixinStandardHelpOptions = true,
    description = {"The fail-over drill, many times: per trial, three fresh gateway JVMs as one cluster, the leader killed (kill -9) under load and every"
        + " acknowledged order checked on the new leader; then one gateway in the single-node form under the same load, for the cost of replication.",
        "The gateway jar is gateway-http/target/ordergate.jar, or -Dordergate.jar=PATH."})
public final class FailoverBenchmark implements Callable<Integer>
{
    private static final int HEARTBEAT_MILLIS = 1_000;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TRIALS", description = "how many trials (default ${DEFAULT-VALUE})")
    int trials = 20;

    @Parameters(index = "1", arity = "0..1", paramLabel = "LOAD_SECONDS",
        description = "seconds of load before the kill, again after it, and on the single node (default ${DEFAULT-VALUE})")
    long loadSeconds = 5;

    FailoverBenchmark()
    {
    }

    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new FailoverBenchmark()).execute(args));
    }

    /** Refuses what would run no trial or no load (a usage error, exit 2), before any JVM is started. */
    void validate()
    {
        if (trials < 1)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "TRIALS must be at least 1, not " + trials);
        }
        if (loadSeconds < 1)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "LOAD_SECONDS must be at least 1, not " + loadSeconds);
        }
    }

    @Override
    public Integer call() throws Exception
    {
        validate();
        final long loadMillis = loadSeconds * 1_000L;
        final Path jar = Path.of(System.getProperty("ordergate.jar", "gateway-http/target/ordergate.jar"));
        if (!Files.isRegularFile(jar))
        {
            System.err.println("no " + jar + ": build it first (mvn -B -q package -DskipTests)");
            return 2;
        }
        final List<Long> elections = new ArrayList<>();
        final List<Long> clustered = new ArrayList<>();
        final List<Long> single = new ArrayList<>();
        final List<String> loads = new ArrayList<>();
        long acknowledged = 0;
        long lost = 0;
        int disagreements = 0;
        for (int t = 0; t < trials; t++)
        {
            final Path dir = Files.createTempDirectory("og-failover-");
            try
            {
                final FailoverDrill.Settings settings = new FailoverDrill.Settings(dir, 19_100 + 10 * (t % 40), 24_000 + 100 * (t % 40),
                    HEARTBEAT_MILLIS, 2, 10, loadMillis, loadMillis, jar);
                final String load = loadAverage();
                final FailoverDrill.Trial trial = FailoverDrill.run(settings);
                final List<Long> alone = FailoverDrill.singleNode(settings);
                elections.add(trial.newLeaderMillis());
                clustered.addAll(trial.latenciesNanos());
                single.addAll(alone);
                loads.add(load);
                acknowledged += trial.acknowledged();
                lost += trial.lost();
                disagreements += trial.survivorsAgree() ? 0 : 1;
                System.out.printf("trial %2d: acknowledged %5d, lost %d, leader %d killed, new leader %d after %5d ms, survivors agree: %s;"
                    + " order p50 cluster %.2f ms, single node %.2f ms; load %s%n", t + 1, trial.acknowledged(), trial.lost(), trial.oldLeader(),
                    trial.newLeader(), trial.newLeaderMillis(), trial.survivorsAgree(), percentile(trial.latenciesNanos(), 0.5), percentile(alone, 0.5),
                    load);
            }
            finally
            {
                delete(dir);
            }
        }
        Collections.sort(elections);
        System.out.printf("trials %d, orders acknowledged %d, orders lost %d, survivors disagreeing %d%n", trials, acknowledged, lost, disagreements);
        System.out.printf("time to a new leader: p50 %d ms, max %d ms (leader_heartbeat_timeout_millis %d)%n",
            elections.get(elections.size() / 2), elections.get(elections.size() - 1), HEARTBEAT_MILLIS);
        System.out.printf("order round trip, cluster of 3 (before the kill): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, n %d%n",
            percentile(clustered, 0.5), percentile(clustered, 0.9), percentile(clustered, 0.99), clustered.size());
        System.out.printf("order round trip, single node (same clients, same moment): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, n %d%n",
            percentile(single, 0.5), percentile(single, 0.9), percentile(single, 0.99), single.size());
        System.out.println("1-minute load average at each trial's start: " + String.join(" ", loads));
        return 0;
    }

    /** The {@code q} quantile of round trips in nanoseconds, in milliseconds (NaN for none). */
    static double percentile(final List<Long> nanos, final double q)
    {
        if (nanos.isEmpty())
        {
            return Double.NaN;
        }
        final List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int)(sorted.size() * q))) / 1e6;
    }

    private static String loadAverage()
    {
        try
        {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        }
        catch (final IOException ex)
        {
            return "?";
        }
    }

    private static void delete(final Path dir) throws IOException
    {
        try (Stream<Path> files = Files.walk(dir))
        {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
