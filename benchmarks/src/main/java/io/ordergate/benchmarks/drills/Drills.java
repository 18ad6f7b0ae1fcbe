package io.ordergate.benchmarks.drills;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The reliability drills as one command (issue 9 item 9): a real gateway in its own process, attacked as an adversary
 * and an unlucky operator would: kill -9 trials, journal damage, the bad-input corpus, idle and trickling sockets,
 * and an executor's reconnection backlog. Prints a table (drill, trials, requests, failures) and exits 1 on any loss,
 * 5xx or hang. {@code --short} is the version CI runs; the long version's numbers are in docs/RELIABILITY.md.
 */
@Command(name = "drills", mixinStandardHelpOptions = true, description = "Ordergate's reliability drills")
public final class Drills implements Callable<Integer>
{
    @Option(names = "--short", description = "the short version (CI): fewer trials and requests")
    boolean quick;

    @Option(names = "--gateway-jar", description = "the gateway's jar (default: the gateway's classes on this class path)")
    Path gatewayJar;

    @Option(names = "--work-dir", description = "where the drills' data directories go (default: a new temp directory)")
    Path workDir;

    @Option(names = "--only", split = ",", description = "run only these drills: kill9, damage, input, idle, backlog")
    List<String> only;

    private final PrintStream out;

    public Drills(final PrintStream out)
    {
        this.out = out;
    }

    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new Drills(System.out)).execute(args));
    }

    @Override
    public Integer call() throws Exception
    {
        final Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("ordergate-drills");
        final DrillSetup setup = new DrillSetup(gatewayJar, dir);
        final List<DrillResult> results = new ArrayList<>();
        if (runs("kill9"))
        {
            results.add(new CrashDrills(setup).killNine(quick ? 3 : 30, quick ? 40 : 400));
        }
        if (runs("damage"))
        {
            results.add(new JournalDamageDrill(setup).run(quick ? 1 : 3));
        }
        if (runs("input") || runs("idle"))
        {
            try (DrillGateway gateway = setup.start("input"))
            {
                if (runs("input"))
                {
                    results.add(new InputDrills(gateway).badInput(quick ? 1 : 20));
                }
                if (runs("idle"))
                {
                    results.add(new InputDrills(gateway).idleSockets(quick ? 600 : 2000, quick ? 30 : 200));
                }
            }
        }
        if (runs("backlog"))
        {
            results.add(new BacklogDrill(setup).backlog(quick ? 500 : 3000));
        }
        print(results);
        return results.stream().anyMatch(r -> r.failures() > 0) ? 1 : 0;
    }

    private boolean runs(final String drill)
    {
        return only == null || only.contains(drill);
    }

    private void print(final List<DrillResult> results)
    {
        out.printf("%-12s %8s %10s %9s  %s%n", "drill", "trials", "requests", "failures", "notes");
        for (final DrillResult r : results)
        {
            out.printf("%-12s %8d %10d %9d  %s%n", r.drill(), r.trials(), r.requests(), r.failures(), r.notes());
        }
        final long failed = results.stream().mapToInt(DrillResult::failures).sum();
        out.println(failed == 0 ? "all drills passed" : failed + " failure(s)");
    }

    /** Where each drill's gateway runs from, and its configuration. */
    static final class DrillSetup
    {
        static final String CONFIG = String.join("\n",
            "server: { host: 127.0.0.1, port: 0, event_loop_threads: 2 }",
            "pipeline: { ring_size: 4096 }",
            "engine: { max_accounts: 16, max_orders: 32768, max_trades: 32768, max_keys: 16, max_tickets: 8192,",
            "          max_executor_commands: 8192 }",
            "executors: { max_pending_commands: 10000 }",
            "instruments:",
            "  - { symbol: EURUSD, digits: 5, pip_size: 0.0001, contract_size: 100000, lot_step: 0.01,",
            "      min_quantity: 0.01, max_quantity: 100, base_currency: EUR, quote_currency: USD }",
            "accounts:",
            "  - { account_id: paper-1, venue: paper, currency: USD, balance: 100000000, leverage: 100 }",
            "  - { account_id: mt5-drill, venue: mt5, currency: USD, balance: 100000000, leverage: 100 }",
            "demo: { quote_feed: false, simulated_terminal: false }",
            "");

        private final Path gatewayJar;
        private final Path dir;

        DrillSetup(final Path gatewayJar, final Path dir)
        {
            this.gatewayJar = gatewayJar;
            this.dir = dir;
        }

        /** A gateway on the named data directory (kept between starts of the same name). */
        DrillGateway start(final String name) throws IOException, InterruptedException
        {
            final Path config = dir.resolve("drills.yaml");
            Files.writeString(config, CONFIG);
            return new DrillGateway(gatewayJar, config, dataDir(name), dir.resolve(name + ".err"));
        }

        Path gatewayJar()
        {
            return gatewayJar;
        }

        Path dataDir(final String name)
        {
            return dir.resolve(name);
        }
    }
}
