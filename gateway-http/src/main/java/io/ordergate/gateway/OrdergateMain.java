package io.ordergate.gateway;

import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.netty.util.ResourceLeakDetector;
import io.ordergate.config.ConfigException;
import io.ordergate.config.GatewayConfig;
import io.ordergate.config.StartupOptions;
import io.ordergate.gateway.scheduling.IdleClassThreads;
import io.ordergate.gateway.warmup.StartupWarmup;
import io.ordergate.journal.ChronicleSettings;
import io.ordergate.journal.cli.JournalCli;

/**
 * {@code java -jar ordergate.jar [--config FILE] [--port N] [--data-dir DIR]}: starts the gateway and returns; the
 * event loop threads keep the process alive until it is stopped (SIGTERM/SIGINT run an orderly close).
 * Exit status 2 for a bad flag, variable or configuration (the message names the key), 1 when start-up fails.
 * {@code java -jar ordergate.jar journal ...} runs the journal's operator commands instead (see {@link JournalCli}),
 * {@code java -jar ordergate.jar cluster-demo} three members of a cluster on this machine (docs/CLUSTER.md).
 */
public final class OrdergateMain
{
    static
    {
        // Before any Chronicle class loads: nothing above this line touches one.
        ChronicleSettings.apply();
    }

    static final String JOURNAL_COMMAND = "journal";
    static final String CLUSTER_DEMO_COMMAND = "cluster-demo";
    static final String LOG_FORMAT_PROP_NAME = "java.util.logging.SimpleFormatter.format";
    static final String LOG_FORMAT_DEFAULT = "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n";
    static final String LOG_CONFIG_PROP_NAME = "java.util.logging.config.file";
    static final String LEAK_DETECTION_PROP_NAME = "io.netty.leakDetection.level";
    /** Held so the level set on it is not lost when the logger is collected. */
    private static Logger chronicleLog;

    private OrdergateMain()
    {
    }

    public static void main(final String[] args)
    {
        ChronicleSettings.apply();
        if (System.getProperty(LOG_FORMAT_PROP_NAME) == null)
        {
            System.setProperty(LOG_FORMAT_PROP_NAME, LOG_FORMAT_DEFAULT);  // one line per record
        }
        if (System.getProperty(LOG_CONFIG_PROP_NAME) == null)
        {
            chronicleLog = Logger.getLogger("net.openhft");
            chronicleLog.setLevel(Level.WARNING);  // Chronicle's INFO is timing chatter ("took 3 ms to map ...")
        }
        if (System.getProperty(LEAK_DETECTION_PROP_NAME) == null)
        {
            // Netty's default (SIMPLE) records a stack trace for one buffer in 128: about 35 B an order on the event loop
            // and 1 % of its CPU (docs/PERFORMANCE.md, "Bytes allocated per order"). The tests run with the default, so
            // a leak shows there; -Dio.netty.leakDetection.level=simple (or paranoid) turns it back on here.
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
        if (args.length > 0 && args[0].equals(CLUSTER_DEMO_COMMAND))
        {
            System.exit(io.ordergate.gateway.cluster.ClusterDemo.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
            return;
        }
        if (args.length > 0 && args[0].equals(JOURNAL_COMMAND))
        {
            System.exit(JournalCli.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
            return;
        }
        final GatewayConfig config;
        final StartupOptions options;
        try
        {
            options = StartupOptions.parse(args, System.getenv());
            if (options.help())
            {
                System.out.println(StartupOptions.usage());
                return;
            }
            config = options.resolveConfig();
        }
        catch (final ConfigException ex)
        {
            System.err.println(ex.getMessage());
            System.exit(2);
            return;
        }

        if (config.server().warmupOrders() > 0)
        {
            StartupWarmup.run(config, config.server().warmupOrders());  // before the real gateway binds its port
        }
        final Ordergate gateway;
        try
        {
            gateway = Ordergate.start(config, options);
        }
        catch (final Exception ex)  // also the checked BindException Netty throws without declaring it
        {
            final String reason = ex instanceof java.net.BindException
                ? "cannot listen on " + config.server().host() + ":" + config.server().port() + ": " + ex.getMessage()
                : String.valueOf(ex.getMessage());
            if (System.getProperty(LOG_CONFIG_PROP_NAME) != null)
            {
                // Logs routed by the operator's file may not reach this console: the reason goes there too. Without it,
                // the log's console is standard error, where the line below already says it once.
                Logger.getLogger(OrdergateMain.class.getName()).log(Level.SEVERE, "start-up failed: " + reason);
            }
            System.err.println("Ordergate failed to start: " + reason);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "og-shutdown"));
        if (config.server().backgroundThreadsIdle())
        {
            // After the warm-ups: they compiled the order path at normal priority. See IdleClassThreads for why.
            final IdleClassThreads.Outcome idle = IdleClassThreads.moveJvmBackgroundThreads();
            Logger.getLogger(OrdergateMain.class.getName()).log(idle.refused().isEmpty() ? Level.INFO : Level.WARNING,
                "background threads (server.background_threads: idle): " + idle.describe());
        }
    }
}
