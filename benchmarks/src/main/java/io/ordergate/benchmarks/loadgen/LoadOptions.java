package io.ordergate.benchmarks.loadgen;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The load generator's command line (API.md, "Benchmarks"), parsed by picocli into {@link LoadArguments} and checked once
 * by {@link #parse}. Immutable after that: safe from any thread. The help text is picocli's, built from the annotations,
 * so the options it lists are the options parsed.
 */
final class LoadOptions
{
    final URI url;
    final String host;
    final int port;
    final int rate;
    final int durationSeconds;
    final int connections;
    final String account;
    final String symbol;
    final String quantity;
    final Integer executors;
    final int quoteSubscribers;
    final List<String> subscribeSymbols;
    final boolean baseline;
    final int warmupSeconds;
    /** The warm-up at the full rate from its start, not ramped up to it. */
    final boolean flatWarmup;
    final Path json;
    final Path hgrm;
    final Path plot;
    final int pipelineDepth;
    final int drainTimeoutSeconds;
    final String apiKey;
    final String apiSecret;
    final Pacing pacing;

    private LoadOptions(final LoadArguments a, final Map<String, String> env)
    {
        this.url = uri(a.url);
        this.host = url.getHost();
        this.port = url.getPort() == -1 ? 80 : url.getPort();
        this.rate = a.rate;
        this.durationSeconds = a.duration;
        this.connections = a.connections;
        this.account = a.account;
        this.symbol = a.symbol;
        this.quantity = a.quantity;
        this.executors = a.executors;
        this.quoteSubscribers = a.quoteSubscribers == null ? 0 : a.quoteSubscribers;
        this.subscribeSymbols = List.of(a.subscribe.split(","));
        this.baseline = a.baseline;
        this.warmupSeconds = a.warmup;
        this.flatWarmup = a.flatWarmup;
        this.json = a.json;
        this.hgrm = a.hgrm != null ? a.hgrm : sibling(a.json, ".hgrm");
        this.plot = a.plot != null ? a.plot : sibling(a.json, ".svg");
        this.pipelineDepth = a.pipeline;
        this.drainTimeoutSeconds = a.drainTimeout;
        this.apiKey = env.getOrDefault("ORDERGATE_API_KEY", "");
        this.apiSecret = env.getOrDefault("ORDERGATE_API_SECRET", "");
        this.pacing = pacing(a.pacer);
    }

    /** {@code --pacer}: loop needs the epoll transport; absent = {@link Pacing#defaultHere}. */
    private static Pacing pacing(final String text)
    {
        if (text == null)
        {
            return Pacing.defaultHere();
        }
        for (final Pacing pacing : Pacing.values())
        {
            if (pacing.label.equals(text))
            {
                if (pacing == Pacing.LOOP && !LoadTransport.epollLoads())
                {
                    throw new UsageException("--pacer loop needs Netty's native epoll transport, which does not load here: use --pacer thread");
                }
                return pacing;
            }
        }
        throw new UsageException("--pacer must be loop or thread, was " + text);
    }

    /** {@code FILE.json} → {@code FILE<suffix>}; any other name gets the suffix appended. */
    static Path sibling(final Path file, final String suffix)
    {
        final String name = file.getFileName().toString();
        final String stem = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return file.resolveSibling(stem + suffix);
    }

    /** {@code a/b.hgrm} → {@code a/b.baseline.hgrm}: where the baseline's file goes beside the gateway's. */
    static Path baselineSibling(final Path file)
    {
        return infix(file, ".baseline");
    }

    /** {@code a/b.hgrm} → {@code a/b.frames.hgrm}: the executor frame distribution beside the HTTP one. */
    static Path framesSibling(final Path file)
    {
        return infix(file, ".frames");
    }

    private static Path infix(final Path file, final String infix)
    {
        final String name = file.getFileName().toString();
        final int dot = name.lastIndexOf('.');
        return dot <= 0 ? file.resolveSibling(name + infix) : file.resolveSibling(name.substring(0, dot) + infix + name.substring(dot));
    }

    /** @throws UsageException naming the bad or missing option */
    static LoadOptions parse(final String[] args, final Map<String, String> env)
    {
        final LoadArguments a = new LoadArguments();
        try
        {
            commandLine(a).parseArgs(args);
        }
        catch (final ParameterException ex)
        {
            throw new UsageException(describe(ex));
        }
        if (a.help)
        {
            throw new HelpRequested();  // before the checks: "--help" alone is a whole command line
        }
        conclude(a);
        return new LoadOptions(a, env);
    }

    /** The help text: picocli's, from the annotations of {@link LoadArguments}. */
    static String usage()
    {
        return commandLine(new LoadArguments()).getUsageMessage().stripTrailing();
    }

    private static CommandLine commandLine(final LoadArguments a)
    {
        final CommandLine line = new CommandLine(a);
        // scripts and tests append an option to a base command line to override it: the last one wins, as before picocli
        line.setOverwrittenOptionsAllowed(true);
        // "--account --jsno x" is a forgotten value or a typo, not an account named "--jsno"
        line.setUnmatchedOptionsAllowedAsOptionParameters(false);
        // a value is what it says: "--json @runs/a.json" names a file, it does not read more arguments from one
        line.setExpandAtFiles(false);
        line.registerConverter(Integer.class, LoadOptions::wholeNumber);
        line.registerConverter(Integer.TYPE, LoadOptions::wholeNumber);
        return line;
    }

    /**
     * picocli's complaint in the generator's words where it had its own (they name the option first), else picocli's,
     * which names the options too ("--account --jsno": "Unknown option: '--jsno'; Expected parameter for option '--account' ...").
     */
    private static String describe(final ParameterException ex)
    {
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty())
        {
            return "unknown option " + unmatched.getUnmatched().get(0);
        }
        // no option is required in picocli's eyes (conclude checks those), so this is an option without its value
        if (ex instanceof MissingParameterException missing && !missing.getMissing().isEmpty() && missing.getMissing().get(0).isOption())
        {
            return ((OptionSpec) missing.getMissing().get(0)).longestName() + " needs a value";
        }
        if (ex.getCause() instanceof TypeConversionException && ex.getArgSpec() instanceof OptionSpec option)
        {
            return option.longestName() + " " + ex.getCause().getMessage();
        }
        return ex.getMessage();
    }

    private static Integer wholeNumber(final String text)
    {
        try
        {
            return Integer.parseInt(text);
        }
        catch (final NumberFormatException ex)
        {
            throw new TypeConversionException("must be a whole number, was " + text);
        }
    }

    /**
     * What picocli cannot say in an annotation: which options are required (checked here, not by picocli, so the
     * message is "missing --json" whatever else is missing), the bounds, and what the strings may hold.
     */
    private static void conclude(final LoadArguments a)
    {
        require(a.url != null, "--url");
        require(a.rate != null, "--rate");
        require(a.duration != null, "--duration");
        require(a.connections != null, "--connections");
        require(a.json != null, "--json");
        between(a.rate, "--rate", 1, 10_000_000);
        between(a.duration, "--duration", 1, 86_400);
        between(a.connections, "--connections", 1, 1_024);
        nonBlank(a.account, "--account");
        nonBlank(a.symbol, "--symbol");
        decimal(a.quantity, "--quantity");
        if (a.executors != null)
        {
            between(a.executors, "--executors", 1, 10_000);
        }
        if (a.quoteSubscribers != null)
        {
            between(a.quoteSubscribers, "--quote-subscribers", 1, 100_000);
        }
        nonBlank(a.subscribe, "--subscribe");
        between(a.warmup, "--warmup", 0, 3_600);
        between(a.pipeline, "--pipeline", 1, 1_024);
        between(a.drainTimeout, "--drain-timeout", 1, 3_600);
        if (a.rate > Integer.MAX_VALUE / a.duration)
        {
            throw new UsageException("--rate × --duration is too many requests");
        }
    }

    private static void require(final boolean present, final String option)
    {
        if (!present)
        {
            throw new UsageException("missing " + option);
        }
    }

    private static void between(final int value, final String option, final int min, final int max)
    {
        if (value < min || value > max)
        {
            throw new UsageException(option + " must be between " + min + " and " + max + ", was " + value);
        }
    }

    private static void nonBlank(final String text, final String option)
    {
        if (text.isBlank() || !text.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"' && c != '\\'))
        {
            throw new UsageException(option + " must be printable ASCII without quotes, was \"" + text + "\"");
        }
    }

    private static void decimal(final String text, final String option)
    {
        if (!text.matches("[0-9]+(\\.[0-9]+)?"))
        {
            throw new UsageException(option + " must be a positive decimal like 0.01, was " + text);
        }
    }

    /** Only http on a loopback host: the generator must never be pointed at someone else's server. */
    static URI uri(final String text)
    {
        final URI uri;
        try
        {
            uri = URI.create(text);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UsageException("--url is not a URL: " + text);
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null)
        {
            throw new UsageException("--url must be http://HOST:PORT, was " + text);
        }
        if (!isLoopback(uri.getHost()))
        {
            throw new UsageException("--url host " + uri.getHost() + " is not a loopback address: the load generator only "
                + "drives servers on this machine (127.0.0.1, ::1, localhost)");
        }
        return uri;
    }

    static boolean isLoopback(final String host)
    {
        try
        {
            final InetAddress[] addresses = InetAddress.getAllByName(host);
            for (final InetAddress address : addresses)
            {
                if (!address.isLoopbackAddress())
                {
                    return false;
                }
            }
            return addresses.length > 0;
        }
        catch (final UnknownHostException ex)
        {
            return false;
        }
    }

    /** A command line the generator refuses; the message names the option. */
    static final class UsageException extends RuntimeException
    {
        UsageException(final String message)
        {
            super(message);
        }
    }

    /** The command line asks for {@link #usage()} (-h, --help): picocli then leaves the other options unchecked. */
    static final class HelpRequested extends RuntimeException
    {
        HelpRequested()
        {
            super("help requested", null, false, false);
        }
    }
}
