package io.ordergate.gateway.exchange;

import io.ordergate.config.secrets.SecretBox;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.exchange.spi.Credentials;
import io.ordergate.exchange.venue.ExchangeBodies;
import io.ordergate.gateway.core.Accesses;
import io.ordergate.gateway.core.Answers;
import io.ordergate.gateway.core.BodyKind;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.core.Scope;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.Ids;
import io.ordergate.gateway.json.RequestReader;

/**
 * The exchange account routes: {@code POST /api/v1/accounts/{account_id}/update-credentials} seals the new key,
 * secret and passphrase with the master key on the event loop (AES-GCM takes microseconds) and journals only the
 * sealed text; the engine answers {@code {"success": true}}. Thread safe.
 */
public final class ExchangeAccountRoutes implements Feature
{
    private static final int MAX_CREDENTIAL_LENGTH = 512;

    private final Accesses access;
    private final SecretBox secrets;

    public ExchangeAccountRoutes(final Accesses access, final SecretBox secrets)
    {
        this.access = access;
        this.secrets = secrets;
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        table.add(Route.post("/api/v1/accounts/{account_id}/update-credentials", access.scope(Scope.ADMIN), BodyKind.JSON, this::updateCredentials));
    }

    private void updateCredentials(final Exchange exchange) throws BadRequest
    {
        final String accountId = exchange.path().clientId("account_id", Ids.MAX_LENGTH, ResultCode.NOT_FOUND, "account not found");
        final RequestReader in = exchange.json();
        in.begin(exchange.body(), exchange.bodyLength(), false);
        String apiKey = null;
        String apiSecret = null;
        String passphrase = null;
        boolean testnet = false;
        while (in.nextField())
        {
            final String name = in.fieldName();
            switch (name)
            {
                case "api_key": apiKey = in.string(name, MAX_CREDENTIAL_LENGTH); break;
                case "api_secret": apiSecret = in.string(name, MAX_CREDENTIAL_LENGTH); break;
                case "passphrase": passphrase = in.string(name, MAX_CREDENTIAL_LENGTH); break;
                case "testnet":
                case "is_testnet":
                    testnet = in.bool(name) == 1;
                    break;
                default: in.unknownField(name);
            }
        }
        if (apiKey == null || apiKey.isBlank())
        {
            in.fail("api_key", "api_key is required");
        }
        if (apiSecret == null || apiSecret.isBlank())
        {
            in.fail("api_secret", "api_secret is required");
        }
        in.finish();
        final String masked = Credentials.masked(apiKey);
        final String sealedKey = secrets.seal(apiKey, accountId + "/api_key");
        final String sealedSecret = secrets.seal(apiSecret, accountId + "/api_secret");
        final String sealedPassphrase = passphrase == null || passphrase.isEmpty() ? null : secrets.seal(passphrase, accountId + "/passphrase");
        final boolean onTestnet = testnet;
        exchange.publish(CommandType.EXCHANGE_CREDENTIALS, writer -> ExchangeBodies.credentials(writer, accountId, onTestnet, masked, sealedKey,
            sealedSecret, sealedPassphrase), Answers.ENGINE_JSON);
    }
}
