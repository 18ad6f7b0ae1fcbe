package io.ordergate.benchmarks.host;

import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Whether this host can judge a latency target: {@code java -cp benchmarks/target/benchmarks.jar
 * io.ordergate.benchmarks.host.HostStalls check} sleeps a millisecond at a time while 0, 1, ... N threads (N: the
 * CPUs) spin, and counts the wake-ups that came later than the threshold. A VM whose host caps its CPU below N full
 * CPUs (a bandwidth quota) shows no stall while a CPU is free and stalls of up to the quota's period (100 ms) once
 * every CPU is busy: then the VM, or one of its vCPUs, stops whatever runs there, and a gateway's tail measured
 * there is the host's. A sleeper sees only the stops that fall on it: {@code watch} seeing none does not clear a run
 * (docs/PERFORMANCE.md, "The 100 ms episodes stop one vCPU at a time"). {@code watch} only sleeps, until killed or {@code --seconds}, and prints one line (for the benchmark
 * scripts, beside a run: {@code benchmarks/machine.sh}).
 */
@Command(name = "host-stalls", mixinStandardHelpOptions = true,
    description = {"check: a sleeper's late wake-ups while 0, 1 ... N threads spin (N: the CPUs), and the work each phase got done.",
        "watch: the sleeper alone, until killed or --seconds; prints one line."})
public final class HostStalls implements Callable<Integer>
{
    enum Mode
    {
        check, watch
    }

    private static final long SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    @Parameters(index = "0", paramLabel = "MODE", description = "check or watch")
    Mode mode;

    @Option(names = "--seconds", description = "check: seconds per phase (default ${DEFAULT-VALUE}); watch: seconds in all, 0 = until killed")
    long seconds = 10;

    @Option(names = "--while-alive", paramLabel = "PID", description = "watch: stop (and print) when this process has ended, e.g. the script's")
    long parentPid;

    @Option(names = "--threshold-ms", description = "a wake-up later than this is a stall (default ${DEFAULT-VALUE})")
    long thresholdMillis = 50;

    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new HostStalls()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException
    {
        if (seconds < 0 || thresholdMillis < 1 || (mode == Mode.check && seconds < 1))
        {
            System.err.println("--seconds must be at least 1 (0 for watch: until killed), --threshold-ms at least 1");
            return 2;
        }
        return mode == Mode.watch ? watch() : check();
    }

    private int watch()
    {
        final StallRecorder recorder = new StallRecorder(TimeUnit.MILLISECONDS.toNanos(thresholdMillis));
        final AtomicBoolean printed = new AtomicBoolean();
        final Thread sleeper = Thread.currentThread();
        // under a lock: a hook that returned while the sleeper was still printing would let the JVM halt mid-line
        final Runnable print = () ->
        {
            synchronized (printed)
            {
                if (!printed.getAndSet(true))
                {
                    System.out.println("sleeper: " + recorder.summary() + times(recorder));
                }
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            sleeper.interrupt();
            try
            {
                sleeper.join(500);  // it stops recording and prints (then blocks in exit, hence the bound)
            }
            catch (final InterruptedException ignored)
            {
                Thread.currentThread().interrupt();
            }
            print.run();
        }));
        if (parentPid > 0)
        {
            // a script stopped before it asked for the line must not leave this running
            ProcessHandle.of(parentPid).ifPresentOrElse(parent -> parent.onExit().thenRun(sleeper::interrupt), sleeper::interrupt);
        }
        sleep(recorder, seconds == 0 ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds));
        print.run();
        return 0;
    }

    private int check() throws InterruptedException
    {
        final int cpus = Runtime.getRuntime().availableProcessors();
        double oneThread = 0;
        long stallsBeforeAllBusy = 0;
        long stallsAllBusy = 0;
        for (int spinning = 0; spinning <= cpus; spinning++)
        {
            final StallRecorder recorder = new StallRecorder(TimeUnit.MILLISECONDS.toNanos(thresholdMillis));
            final Spinners spinners = new Spinners(spinning);
            spinners.start();
            sleep(recorder, System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds));
            final double perSecond = spinners.stop() / (double)seconds;
            oneThread = spinning == 1 ? perSecond : oneThread;
            System.out.printf("%d of %d CPUs spinning: %s%s%n", spinning, cpus, recorder.summary(),
                spinning == 0 ? "" : String.format("; work %.2f CPUs' worth", oneThread > 0 ? perSecond / oneThread : 1.0));
            if (spinning == cpus)
            {
                stallsAllBusy = recorder.stalls();
            }
            else
            {
                stallsBeforeAllBusy += recorder.stalls();
            }
        }
        System.out.println(verdict(stallsBeforeAllBusy, stallsAllBusy));
        return 0;
    }

    static String verdict(final long stallsWithACpuFree, final long stallsAllBusy)
    {
        if (stallsWithACpuFree > 0)
        {
            return "verdict: stalls even with a CPU free: the host takes this VM's CPUs away; latency measured here is the host's";
        }
        if (stallsAllBusy > 0)
        {
            return "verdict: stalls only when every CPU is busy: the host caps this VM below its CPUs (a quota); a run that fills"
                + " both CPUs (gateway and generator together) stops whole now and then: judge a latency target elsewhere";
        }
        return "verdict: no stall in any phase: this host can judge a latency target";
    }

    /** Sleeps a millisecond at a time until {@code deadline} or an interrupt, recording how late each wake-up is. */
    private static void sleep(final StallRecorder recorder, final long deadline)
    {
        while (System.nanoTime() < deadline)
        {
            final long asked = System.nanoTime();
            try
            {
                Thread.sleep(1);
            }
            catch (final InterruptedException stopped)
            {
                return;
            }
            recorder.wokeUp(Math.max(0, System.nanoTime() - asked - SLEEP_NANOS), System.currentTimeMillis());
        }
    }

    private static String times(final StallRecorder recorder)
    {
        final StringBuilder at = new StringBuilder();
        for (final long millis : recorder.stallTimesMillis())
        {
            at.append(at.length() == 0 ? " at " : ", ").append(Instant.ofEpochMilli(millis));
        }
        return at.toString();
    }
}
