package io.ordergate.engine.user;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.Engine;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.journal.JournalAppender;

/**
 * Drives the users room through a real {@link Engine} with real frames, as the pipeline does: one event per
 * command, optionally appended to a journal first. The clock moves only when a test moves it.
 */
final class UserDriver
{
    static final String CONFIG = String.join("\n",
        "engine: { max_accounts: 16, max_orders: 1024, max_trades: 1024, max_keys: 16, max_users: 8 }",
        "instruments:",
        "  - { symbol: EURUSD, digits: 5, pip_size: 0.0001, contract_size: 100000, lot_step: 0.01,",
        "      min_quantity: 0.01, max_quantity: 100, base_currency: EUR, quote_currency: USD }",
        "");
    static final long START_MICROS = 1_795_341_600_000_000L;
    static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA";

    final GatewayConfig config;
    final Engine engine;
    private final BodyWriter writer = new BodyWriter();
    private final UserRecords reader = new UserRecords();
    private JournalAppender appender;
    long now = START_MICROS;

    UserDriver()
    {
        this.config = ConfigLoader.parse(CONFIG, "users");
        this.engine = new Engine(config);
    }

    /** Drives an engine made elsewhere (a replayed one). */
    UserDriver(final GatewayConfig config, final Engine engine)
    {
        this.config = config;
        this.engine = engine;
    }

    UserDriver journalTo(final JournalAppender appender)
    {
        this.appender = appender;
        return this;
    }

    CommandEvent send(final int principal, final CommandType type, final Consumer<BodyWriter> body)
    {
        final CommandEvent event = new CommandEvent();
        event.reset(type);
        event.header(principal, now, 1, CommandFrame.SOURCE_HTTP);
        writer.wrap(event.frame, CommandFrame.BODY_OFFSET);
        body.accept(writer);
        event.bodyLength(writer.length());
        if (appender != null)
        {
            event.journalIndex = appender.append(event.frame, 0, event.frameLength());
        }
        engine.apply(event);
        return event;
    }

    static CommandEvent expect(final ResultCode code, final CommandEvent event)
    {
        if (event.result != code)
        {
            throw new AssertionError("expected " + code + " but was " + event.result + " (" + event.resultMessage + ")");
        }
        return event;
    }

    // ---- commands ----

    CommandEvent account(final String accountId)
    {
        return send(CommandFrame.PRINCIPAL_SYSTEM, CommandType.CREATE_ACCOUNT,
            w -> CommandBodies.createAccount(w, accountId, CommandBodies.VENUE_PAPER, "USD", 1_000_000_000_000L, 100));
    }

    CommandEvent signup(final String userId, final String email, final Role role)
    {
        return send(CommandFrame.PRINCIPAL_ANONYMOUS, CommandType.CREATE_USER,
            w -> UserBodies.createUser(w, userId, email, email, "Name " + userId, role, HASH, List.of()));
    }

    CommandEvent createUser(final String userId, final String email, final Role role, final List<String> accounts)
    {
        return send(CommandFrame.PRINCIPAL_SYSTEM, CommandType.CREATE_USER,
            w -> UserBodies.createUser(w, userId, email, email, "Name " + userId, role, HASH, accounts));
    }

    CommandEvent login(final String sessionId, final String userId, final int epoch)
    {
        return send(CommandFrame.PRINCIPAL_ANONYMOUS, CommandType.CREATE_SESSION,
            w -> UserBodies.createSession(w, sessionId, userId, epoch, "127.0.0.1", "curl/8", "cli"));
    }

    CommandEvent refresh(final String sessionId, final int generation)
    {
        return send(CommandFrame.PRINCIPAL_ANONYMOUS, CommandType.REFRESH_SESSION,
            w -> UserBodies.refreshSession(w, sessionId, generation));
    }

    CommandEvent end(final int principal, final String sessionId)
    {
        return send(principal, CommandType.END_SESSION, w -> UserBodies.endSession(w, sessionId));
    }

    CommandEvent createKey(final int principal, final String apiKey, final int scope, final List<String> accounts)
    {
        return send(principal, CommandType.CREATE_KEY, w -> CommandBodies.createKey(w, apiKey, new byte[32], scope, accounts));
    }

    CommandEvent getAccount(final int principal, final String accountId)
    {
        return send(principal, CommandType.GET_ACCOUNT, w -> CommandBodies.accountId(w, accountId));
    }

    // ---- records ----

    List<Object> records(final CommandEvent event)
    {
        final List<Object> out = new ArrayList<>();
        if (event.outputKind == CommandEvent.OUTPUT_USER_RECORDS)
        {
            reader.read(event.output, new UserRecords.Sink()
            {
                @Override
                public void user(final UserView user)
                {
                    out.add(user);
                }

                @Override
                public void session(final SessionView session)
                {
                    out.add(session);
                }
            });
        }
        return out;
    }

    UserView user(final CommandEvent event)
    {
        return (UserView)records(event).stream().filter(UserView.class::isInstance).reduce((a, b) -> b).orElseThrow();
    }

    List<SessionView> sessions(final CommandEvent event)
    {
        final List<SessionView> sessions = new ArrayList<>();
        for (final Object record : records(event))
        {
            if (record instanceof SessionView)
            {
                sessions.add((SessionView)record);
            }
        }
        return sessions;
    }
}
