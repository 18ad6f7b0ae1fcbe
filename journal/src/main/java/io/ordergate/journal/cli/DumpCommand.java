package io.ordergate.journal.cli;

import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;

import io.ordergate.journal.JournalDump;
import io.ordergate.journal.RecordDecoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code journal dump}: prints every record, checked, readable when a {@link RecordDecoder} is installed. */
@Command(name = "dump", mixinStandardHelpOptions = true,
    description = {"Print every record (file, index, byte offset, length, checksum, then the record decoded, or its"
        + " first bytes in hex) and every damaged place. Takes no lock: runs beside a live gateway. Exit 1 on damage."})
final class DumpCommand implements Callable<Integer>
{
    @Mixin
    JournalLocation location;

    @Option(names = "--hex", description = "print hex even where a decoder could read the record")
    boolean hex;

    @Option(names = "--config", paramLabel = "FILE",
        description = "the configuration the gateway ran with (its --config), for a decoder that replays; default: the embedded demo's")
    Path config;

    @Option(names = "--bytes", paramLabel = "N", defaultValue = "32", description = "hex bytes shown per record (default: ${DEFAULT-VALUE})")
    int bytesShown;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        Path directory = location.existingJournal(spec.commandLine().getOut(), "print");
        if (directory == null)
        {
            return JournalCli.DONE;
        }
        RecordDecoder decoder = hex ? null : ServiceLoader.load(RecordDecoder.Factory.class).findFirst().map(f -> f.create(config))
            .orElse(ServiceLoader.load(RecordDecoder.class).findFirst().orElse(null));
        JournalDump.Result result = new JournalDump(spec.commandLine().getOut(), decoder, bytesShown).dump(directory);
        return result.damages() == 0 ? JournalCli.DONE : JournalCli.FAILED;
    }
}
