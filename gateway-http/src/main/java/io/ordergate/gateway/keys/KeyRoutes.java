package io.ordergate.gateway.keys;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.gateway.auth.Secrets;
import io.ordergate.gateway.core.Accesses;
import io.ordergate.gateway.core.Answer;
import io.ordergate.gateway.core.Answers;
import io.ordergate.gateway.core.BodyKind;
import io.ordergate.gateway.core.ErrorFormat;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.core.Scope;
import io.ordergate.gateway.json.BadRequest;

/**
 * API keys: {@code POST /api/v1/keys} makes the key and its secret here, journals only the secret's hash, and shows
 * the secret once, in the 201 (the secret travels to the reply stage in the command's answer, never in the frame).
 * Thread safe.
 */
public final class KeyRoutes implements Feature
{
    private final Accesses access;

    public KeyRoutes(final Accesses access)
    {
        this.access = access;
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        table.add(Route.post("/api/v1/keys", access.scope(Scope.ADMIN), BodyKind.JSON, this::create));
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
