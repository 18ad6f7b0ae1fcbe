package io.ordergate.gateway.keys;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.user.UserBodies;
import io.ordergate.engine.user.UserView;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.gateway.auth.ApiKey;
import io.ordergate.gateway.auth.ApiKeyRegistry;
import io.ordergate.gateway.auth.Secrets;
import io.ordergate.gateway.core.Accesses;
import io.ordergate.gateway.core.Answer;
import io.ordergate.gateway.core.Answers;
import io.ordergate.gateway.core.BodyKind;
import io.ordergate.gateway.core.Caller;
import io.ordergate.gateway.core.ErrorFormat;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.core.Scope;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.users.UserDirectory;

/**
 * API keys: {@code POST /api/v1/keys} makes the key and its secret here, journals only the secret's hash, and shows
 * the secret once, in the 201 (the secret travels to the reply stage in the command's answer, never in the frame).
 * Thread safe.
 */
public final class KeyRoutes implements Feature
{
    private final Accesses access;
    private final ApiKeyRegistry registry;
    private final UserDirectory users;

    public KeyRoutes(final Accesses access, final ApiKeyRegistry registry, final UserDirectory users)
    {
        this.access = access;
        this.registry = registry;
        this.users = users;
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        // Any caller may ask: the engine lets an admin make any key, a signed-in user keys for its own accounts no
        // wider than its role, and refuses other keys (403).
        table.add(Route.post("/api/v1/keys", access.scope(Scope.READ), BodyKind.JSON, this::create));
        table.add(Route.get("/api/v1/keys", access.scope(Scope.READ), this::list));
        table.add(Route.delete("/api/v1/keys/{api_key}", access.scope(Scope.READ), this::revoke));
    }

    /** The caller's keys (an admin's: all), never a secret. */
    private void list(final Exchange exchange)
    {
        final Caller caller = exchange.caller();
        final boolean admin = caller.allows(Scope.ADMIN);
        final JsonWriter json = exchange.answer().startObject().name("keys").startArray();
        for (final ApiKey key : registry.all())
        {
            if (admin || key.owner() == caller.principal() || key.principal() == caller.principal())
            {
                json.startObject()
                    .name("api_key").string(key.key())
                    .name("scope").string(key.scope().wireName())
                    .name("account_ids").startArray();
                for (final String account : key.accountIds())
                {
                    json.string(account);
                }
                json.endArray()
                    .name("owner").string(owner(key))
                    .name("created_at").time(key.createdMicros())
                    .name("last_used_at");
                if (key.use().lastMillis() == 0)
                {
                    json.nullValue();
                }
                else
                {
                    json.time(key.use().lastMillis() * 1000);
                }
                json.endObject();
            }
        }
        json.endArray().endObject();
        exchange.send(200);
    }

    /** Revokes at once: the registry drops the key before this answer is written. Another's key is not found. */
    private void revoke(final Exchange exchange) throws BadRequest
    {
        final String apiKey = exchange.path().text("api_key");
        exchange.publish(CommandType.REVOKE_KEY, writer -> UserBodies.revokeKey(writer, apiKey), (event, json) ->
        {
            final int failed = Answers.failure(event, json, ErrorFormat.API);
            if (failed != 0)
            {
                return failed;
            }
            json.startObject().name("api_key").string(apiKey).name("revoked").bool(true).endObject();
            return 200;
        });
    }

    /** Who made a key: a user's id, another key's id, or "system" (start-up, or before owners were kept). */
    private String owner(final ApiKey key)
    {
        final UserView user = users.byPrincipal(key.owner());
        if (user != null)
        {
            return user.id();
        }
        final ApiKey maker = key.owner() >= 0 ? registry.byPrincipal(key.owner()) : null;
        return maker != null ? maker.key() : "system";
    }

    private void create(final Exchange exchange) throws BadRequest
    {
        final KeyRequests.KeyGrant grant = KeyRequests.keyGrant(exchange.json(), exchange.body(), exchange.bodyLength());
        final String secret = Secrets.newSecret();
        final KeyRequests.CreateKey key = new KeyRequests.CreateKey(Secrets.newKey(), secret, Secrets.hash(secret), grant.scope(), grant.accountIds());
        exchange.publish(CommandType.CREATE_KEY, key, new CreatedKey(key));
    }

    /** 201 {"api_key", "api_secret", "scope", "account_ids"}: the one answer that shows the secret. */
    private record CreatedKey(KeyRequests.CreateKey key) implements Answer
    {
        @Override
        public int render(final CommandEvent event, final JsonWriter json)
        {
            final int failed = Answers.failure(event, json, ErrorFormat.API);
            if (failed != 0)
            {
                return failed;
            }
            json.startObject()
                .name("api_key").string(key.apiKey())
                .name("api_secret").string(key.apiSecret())
                .name("scope").string(key.scope().wireName())
                .name("account_ids").startArray();
            for (final String accountId : key.accountIds())
            {
                json.string(accountId);
            }
            json.endArray().endObject();
            return 201;
        }

        @Override
        public String toString()
        {
            return "CreatedKey{" + key.apiKey() + "}";  // never the secret
        }
    }
}
