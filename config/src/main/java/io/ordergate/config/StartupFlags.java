package io.ordergate.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import io.ordergate.config.secrets.MasterKeys;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The gateway's flags as picocli reads them, for {@link StartupOptions} (the project's rule: no hand-written CLI
 * parsing). Each value is checked by its converter as it is read; a refusal becomes a {@link ConfigException} keyed by
 * the flag and worded as the gateway always worded it ({@code --port: must be ...}), which main turns into exit 2.
 * One instance per parse, on the thread that parses.
 * <p>
 * {@code --help} is a plain flag, not picocli's {@code usageHelp}: that would make picocli let anything after it
 * through, and {@code --help --prot=1} has always been refused.
 */
@Command(name = "java -jar ordergate.jar", synopsisHeading = "usage: ", sortOptions = false, sortSynopsis = false, usageHelpWidth = 110,
    footerHeading = "environment:%n",
    footer = {
        "  " + StartupOptions.API_KEY_ENV + ", " + StartupOptions.API_SECRET_ENV + "   admin API key (both or neither;",
        "                   neither: a key is generated and printed once)",
        "  " + StartupOptions.DEMO_FEED_ENV + "=on|off   off stops the simulated quote feed",
        "  " + StartupOptions.WEBHOOKS_ALLOW_PRIVATE_ENV + "=true   outbound webhooks may target loopback and private addresses",
        "  " + MasterKeys.KEY_ENV + "   base64 of 32 bytes that seals stored secrets (unset: DATA_DIR/master.key, made once)",
        "  " + MasterKeys.PREVIOUS_ENV + "   comma-separated old master keys, still opened during a rotation",
        "other commands:",
        "  java -jar ordergate.jar journal --help   check, print, repair and migrate a journal (docs/RELIABILITY.md)",
        "  java -jar ordergate.jar cluster-demo     three cluster members on this machine (docs/CLUSTER.md)"})
final class StartupFlags
{
    @Option(names = "--config", paramLabel = "FILE", converter = PathConverter.class,
        description = "YAML configuration (default: the embedded demo configuration)")
    Path configFile;

    @Option(names = "--port", paramLabel = "N", converter = PortConverter.class,
        description = "listen port, 0..65535 (0 = any free port); overrides server.port")
    Integer port;

    @Option(names = "--data-dir", paramLabel = "DIR", converter = PathConverter.class,
        description = "journal and state directory; overrides data_dir")
    Path dataDir;

    @Option(names = "--cluster-member", paramLabel = "N", converter = MemberConverter.class,
        description = "run as member N of the configuration's cluster.members (the same file on every host); "
            + "sets cluster.enabled and cluster.member_id (docs/CLUSTER.md)")
    Integer clusterMember;

    @Option(names = {"-h", "--help"}, arity = "0", description = "print this and exit")
    boolean help;

    private StartupFlags()
    {
    }

    /** {@code args} read; a flag given twice counts as given last. */
    static StartupFlags read(final String[] args)
    {
        final StartupFlags flags = new StartupFlags();
        try
        {
            commandLine(flags).parseArgs(args);
        }
        catch (final CommandLine.ParameterException ex)
        {
            throw refusal(ex);
        }
        return flags;
    }

    /** The usage picocli writes from the annotations above, without colours (it goes to logs and terminals alike). */
    static String usage()
    {
        return commandLine(new StartupFlags()).getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing();
    }

    private static CommandLine commandLine(final StartupFlags flags)
    {
        return new CommandLine(flags)
            .setOverwrittenOptionsAllowed(true)  // as before picocli: a script may append an override to a fixed command
            .setExpandAtFiles(false);  // "@x" is a value (a path may start with @), never a file of arguments to read
    }

    /** picocli's refusal in the gateway's words, keyed by the flag at fault (its long name). */
    private static ConfigException refusal(final CommandLine.ParameterException ex)
    {
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty())
        {
            final String arg = unmatched.getUnmatched().get(0);
            final int equals = arg.indexOf('=');
            return StartupOptions.error(arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg, "unknown option (try --help)");
        }
        if (ex instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty())
        {
            // also "--config --port 1": picocli takes no known flag as another flag's value
            return StartupOptions.error(name(missing.getMissing().get(0)), "needs a value");
        }
        if (ex instanceof CommandLine.MaxValuesExceededException)
        {
            return StartupOptions.error("--help", "takes no value");  // --help=yes: the one flag that takes none
        }
        final String key = ex.getArgSpec() == null ? "command line" : name(ex.getArgSpec());
        return StartupOptions.error(key, ex.getCause() instanceof CommandLine.TypeConversionException ? ex.getCause().getMessage() : ex.getMessage());
    }

    private static String name(final ArgSpec spec)
    {
        return spec instanceof OptionSpec option ? option.longestName() : spec.paramLabel();
    }

    /** {@code --port}: plain digits 0..65535 (no sign, no hex), the range of {@code server.port}. */
    static final class PortConverter implements CommandLine.ITypeConverter<Integer>
    {
        @Override
        public Integer convert(final String value)
        {
            if (!value.isEmpty() && value.length() <= 5 && value.chars().allMatch(c -> c >= '0' && c <= '9'))
            {
                final int port = Integer.parseInt(value);
                if (port <= 65535)
                {
                    return port;
                }
            }
            throw new CommandLine.TypeConversionException("must be an integer 0..65535, was \"" + value + "\"");
        }
    }

    /** {@code --cluster-member}: one digit 0..8; whether the configuration has that member is checked once it is loaded. */
    static final class MemberConverter implements CommandLine.ITypeConverter<Integer>
    {
        @Override
        public Integer convert(final String value)
        {
            if (value.length() == 1 && value.charAt(0) >= '0' && value.charAt(0) <= '8')
            {
                return value.charAt(0) - '0';
            }
            throw new CommandLine.TypeConversionException("must be a member index 0..8, was \"" + value + "\"");
        }
    }

    /** {@code --config}, {@code --data-dir}: a path this platform accepts; not yet checked to exist. */
    static final class PathConverter implements CommandLine.ITypeConverter<Path>
    {
        @Override
        public Path convert(final String value)
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
                // refused below, with the value
            }
            throw new CommandLine.TypeConversionException("must be a path, was \"" + value + "\"");
        }
    }
}
