package io.ordergate.gateway.logs;

import java.nio.file.Path;

import org.agrona.DirectBuffer;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.Engine;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.view.CommandLines;
import io.ordergate.gateway.EngineAssembly;
import io.ordergate.journal.RecordDecoder;

/**
 * The journal dump's decoder ({@code java -jar ordergate.jar journal dump}): replays every record into an engine of
 * its own, assembled as the gateway assembles it, so each line has the command's result as well as what it asked:
 * {@code time  who  what  ->  result}, the text {@code GET /api/v1/logs} shows. Needs the configuration the journal
 * was written under (the instruments): the dump's {@code --config}, else the embedded demo's.
 * <b>Not thread safe</b>: one dump at a time, records in journal order.
 */
public final class ReplayingDecoder implements RecordDecoder
{
    /** Found by the dump with {@link java.util.ServiceLoader} (META-INF/services). */
    public static final class Factory implements RecordDecoder.Factory
    {
        @Override
        public RecordDecoder create(final Path configFile)
        {
            return new ReplayingDecoder(configFile == null ? ConfigLoader.demo() : ConfigLoader.load(configFile));
        }
    }

    private final Engine engine;
    private final CommandEvent event = new CommandEvent();
    private final CommandLines lines = new CommandLines();
    private final PrincipalNames names = new PrincipalNames();

    public ReplayingDecoder(final GatewayConfig config)
    {
        this.engine = EngineAssembly.assemble(config);
    }

    @Override
    public boolean decode(final DirectBuffer buffer, final int offset, final int length, final StringBuilder line)
    {
        if (length < CommandFrame.HEADER_LENGTH)
        {
            return false;
        }
        final CommandType type = CommandType.fromCode(buffer.getInt(offset + CommandFrame.TYPE_OFFSET));
        if (type == null || !type.journaled())
        {
            return false;
        }
        event.reset(type);
        event.frame.putBytes(0, buffer, offset, length);
        engine.apply(event);
        names.learn(event);
        lines.line(event, names.name(event.principal()), line);
        return true;
    }
}
