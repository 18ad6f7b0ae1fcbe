package io.ordergate.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import io.ordergate.config.AccountSpec;
import io.ordergate.config.GatewayConfig;
import io.ordergate.config.StartupOptions;
import io.ordergate.engine.Engine;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.fixed.FixedPoint;
import io.ordergate.fixed.Money;
import io.ordergate.gateway.accounts.AccountRequests;
import io.ordergate.gateway.auth.ApiKey;
import io.ordergate.gateway.auth.ApiKeyRegistry;
import io.ordergate.gateway.auth.Secrets;
import io.ordergate.gateway.core.CommandPublisher;
import io.ordergate.gateway.core.StartupCommands;
import io.ordergate.gateway.core.Scope;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.keys.KeyRequests;

/**
 * Start-up commands, journaled like any other as the system principal: the configured accounts the journal does
 * not have yet, and the admin key (the one from the environment, or a generated one the first time).
 * Planned by the start-up thread between replay and pipeline start, published after; the reply thread counts the
 * answers down.
 */
final class StartupSeeder
{
    private final List<Seed> seeds = new ArrayList<>();
    private final StartupCommands commands = new StartupCommands("start-up commands");
    private KeyRequests.CreateKey generatedKey;

    /** {@code mayExist}: a cluster member seeds without reading the engine, so "it exists already" is success. */
    private record Seed(CommandType type, RequestBody body, String what, boolean mayExist)
    {
        Seed(final CommandType type, final RequestBody body, final String what)
        {
            this(type, body, what, false);
        }
    }

    /** Decides what to seed from the replayed state. Start-up thread, before the pipeline starts. */
    static StartupSeeder plan(final GatewayConfig config, final Engine engine, final ApiKeyRegistry keys, final StartupOptions options)
    {
        return plan(config, engine, keys, options, false);
    }

    /**
     * The cluster form: the engine belongs to the service's thread, so every configured account is proposed and one
     * that exists (made by another member, or before) answers CONFLICT, which is fine. The key registry is read after
     * the member caught up with the log.
     */
    static StartupSeeder planClustered(final GatewayConfig config, final ApiKeyRegistry keys, final StartupOptions options)
    {
        return plan(config, null, keys, options, true);
    }

    private static StartupSeeder plan(final GatewayConfig config, final Engine engine, final ApiKeyRegistry keys, final StartupOptions options,
        final boolean clustered)
    {
        final StartupSeeder seeder = new StartupSeeder();
        for (final AccountSpec account : config.accounts())
        {
            if (clustered || !engine.hasAccount(account.accountId()))
            {
                final int venue = account.venue().code();
                final long balance = FixedPoint.rescale(account.balance(), Money.DIGITS, NewOrderBody.WIRE_DIGITS);
                seeder.seeds.add(new Seed(CommandType.CREATE_ACCOUNT,
                    new AccountRequests.CreateAccount(account.accountId(), venue, account.currency(), balance, account.leverage(),
                        venue == CommandBodies.VENUE_PAPER ? config.engine().paperFeeRate() : 0),
                    "account " + account.accountId(), clustered));
            }
        }
        final Optional<String> envKey = options.apiKey();
        final Optional<String> envSecret = options.apiSecret();
        if (envKey.isPresent() && envSecret.isPresent())
        {
            final byte[] hash = Secrets.hash(envSecret.get());
            final ApiKey existing = keys.find(envKey.get());
            if (existing == null || existing.scope() != Scope.ADMIN || !Secrets.matches(existing.secretHash(), hash))
            {
                // New, or rotated: the engine lets the system principal replace an existing key.
                seeder.seeds.add(new Seed(CommandType.CREATE_KEY,
                    new KeyRequests.CreateKey(envKey.get(), null, hash, Scope.ADMIN, List.of()), "admin key from the environment"));
            }
        }
        else if (!keys.hasSystemAdminKey())
        {
            final String secret = Secrets.newSecret();
            seeder.generatedKey = new KeyRequests.CreateKey(Secrets.newKey(), secret, Secrets.hash(secret), Scope.ADMIN, List.of());
            seeder.seeds.add(new Seed(CommandType.CREATE_KEY, seeder.generatedKey, "generated admin key"));
        }
        return seeder;
    }

    int size()
    {
        return seeds.size();
    }

    /** The admin key made this start, to print once, or null. */
    KeyRequests.CreateKey generatedKey()
    {
        return generatedKey;
    }

    /** Publishes every seed command. Start-up thread, before ready. */
    void publish(final CommandPublisher publisher)
    {
        for (final Seed seed : seeds)
        {
            final Predicate<CommandEvent> refusalIsFine = seed.mayExist() ? StartupSeeder::existsAlready : StartupCommands.EVERY_REFUSAL_FAILS;
            commands.publish(publisher, seed.type(), seed.body(), seed.what(), refusalIsFine);
        }
    }

    /**
     * Waits, bounded, for every seed's answer.
     *
     * @throws IllegalStateException when one failed or they did not all answer in time
     */
    void await(final long timeoutMillis) throws InterruptedException
    {
        commands.await(timeoutMillis);
    }

    /** A cluster member's account that another member (or an earlier start) made: CONFLICT on account_id. */
    private static boolean existsAlready(final CommandEvent event)
    {
        return event.result == ResultCode.CONFLICT && "account_id".equals(event.resultField);
    }
}
