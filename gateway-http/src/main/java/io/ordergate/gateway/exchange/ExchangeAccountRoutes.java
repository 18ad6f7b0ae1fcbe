package io.ordergate.gateway.exchange;

import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;

import io.ordergate.config.VenueKind;
import io.ordergate.config.secrets.SecretBox;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.exchange.spi.Credentials;
import io.ordergate.exchange.client.BalanceRead;
import io.ordergate.exchange.spi.VenueAnswer;
import io.ordergate.exchange.venue.ExchangeBodies;
import io.ordergate.gateway.accounts.AccountRequests;
import io.ordergate.gateway.accounts.ExchangeAccountCreation;
import io.ordergate.gateway.accounts.ExchangeCredentialFields;
import io.ordergate.gateway.core.Accesses;
import io.ordergate.gateway.core.Answer;
import io.ordergate.gateway.core.Answers;
import io.ordergate.gateway.core.BodyKind;
import io.ordergate.gateway.core.Deferred;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.core.Scope;
import io.ordergate.gateway.experts.ExpertAccountCreation;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.EmptyObject;
import io.ordergate.gateway.json.Ids;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;

/**
 * The exchange account routes. Credentials are sealed with the master key on the event loop (AES-GCM takes
 * microseconds) and only the sealed text is journaled:
 * <pre>
 *   POST /api/v1/accounts/create                       seed 003: a new exchange account with its credentials (an id is made);
 *                                                      exchange binance or okx (okx: passphrase required)
 *   POST /api/v1/accounts (venue binance|okx, api_key) the same through the native route ({@link ExchangeAccountCreation})
 *   POST /api/v1/accounts/{id}/update-credentials      new credentials for an exchange account
 *   POST /api/v1/accounts/{id}/sync-balance            asks the exchange (connector threads), journals the answer, then answers
 *   PUT  /api/v1/accounts/{id}/futures-settings        leverage, margin mode, position mode for one symbol, sent by the connector
 * </pre>
 * Thread safe.
 */
public final class ExchangeAccountRoutes implements Feature, ExchangeAccountCreation
{
    private static final char[] ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final Accesses access;
    private final SecretBox secrets;
    private final ExchangeIo io;
    private final SecureRandom random = new SecureRandom();

    public ExchangeAccountRoutes(final Accesses access, final SecretBox secrets, final ExchangeIo io)
    {
        this.access = access;
        this.secrets = secrets;
        this.io = io;
    }

    /** Makes the exchange accounts of experts created with an {@code exchange} block (seed 001). */
    public ExpertAccountCreation forExperts()
    {
        return new ExpertExchangeAccounts(this, io);
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        table.add(Route.post("/api/v1/accounts/create", access.scope(Scope.ADMIN), BodyKind.JSON, this::createSeed003))
            .add(Route.post("/api/v1/accounts/{account_id}/update-credentials", access.scope(Scope.ADMIN), BodyKind.JSON, this::updateCredentials))
            .add(Route.post("/api/v1/accounts/{account_id}/sync-balance", access.scope(Scope.ADMIN), BodyKind.OPTIONAL_JSON, this::syncBalance))
            .add(Route.put("/api/v1/accounts/{account_id}/futures-settings", access.scope(Scope.ADMIN), BodyKind.JSON, this::futuresSettings));
    }

    /** The native create with credentials: one command makes the account and seals its credentials. */
    @Override
    public void create(final Exchange exchange, final AccountRequests.CreateAccount account, final ExchangeCredentialFields credentials)
        throws BadRequest
    {
        if (account.positionMode() != CommandBodies.POSITION_MODE_NETTING)
        {
            throw BadRequest.validation("position_mode", "position_mode hedging is for paper accounts (an exchange's spot account nets)");
        }
        publishCreate(exchange, account.accountId(), account.venue(), account.currency(), account.balance(), account.leverage(), credentials,
            ExchangeBodies.ANSWER_ACCOUNT, Answers.ENGINE_JSON);
    }

    /** Seed 003: {@code {"exchange", "api_key", "api_secret", "initial_balance", "passphrase", "is_testnet"}} (and an optional account_id). */
    private void createSeed003(final Exchange exchange) throws BadRequest
    {
        final RequestReader in = exchange.json();
        in.begin(exchange.body(), exchange.bodyLength(), false);
        final ExchangeCredentialFields credentials = new ExchangeCredentialFields();
        VenueKind venue = null;
        String accountId = null;
        long balance = 0;
        while (in.nextField())
        {
            final String name = in.fieldName();
            switch (name)
            {
                case "exchange":
                    final String named = in.string(name, 32);
                    venue = VenueKind.OKX.configName().equalsIgnoreCase(named) ? VenueKind.OKX
                        : VenueKind.BINANCE.configName().equalsIgnoreCase(named) ? VenueKind.BINANCE : null;
                    if (named != null && venue == null)
                    {
                        in.fail(name, "exchange must be binance or okx");
                    }
                    break;
                case "account_id": accountId = in.id(name, Ids.MAX_LENGTH); break;
                case "initial_balance":
                    final long b = in.nonNegativeDecimal(name);
                    balance = b == RequestReader.NULL || b == RequestReader.BAD ? 0 : b;
                    break;
                default:
                    if (!credentials.read(in, name))
                    {
                        in.unknownField(name);
                    }
            }
        }
        if (venue == null)
        {
            in.fail("exchange", "exchange is required (binance or okx)");
        }
        credentials.require(in, venue == null ? VenueKind.BINANCE.code() : venue.code());
        in.finish();
        final VenueKind named = venue == null ? VenueKind.BINANCE : venue;
        publishCreate(exchange, accountId != null ? accountId : newAccountId(named), named.code(), "USD", balance, 1, credentials,
            ExchangeBodies.ANSWER_SEED_003, Answers.ENGINE_JSON);
    }

    /** Seals the credentials and publishes EXCHANGE_CREATE_ACCOUNT for a binance account, answered by {@code then}. */
    void publishCreate(final Exchange exchange, final String accountId, final String currency, final long wireBalance, final int leverage,
        final ExchangeCredentialFields credentials, final int answer, final Answer then)
    {
        publishCreate(exchange, accountId, VenueKind.BINANCE.code(), currency, wireBalance, leverage, credentials, answer, then);
    }

    /** Seals the credentials and publishes EXCHANGE_CREATE_ACCOUNT for an account of the exchange {@code venue}, answered by {@code then}. */
    void publishCreate(final Exchange exchange, final String accountId, final int venue, final String currency, final long wireBalance,
        final int leverage, final ExchangeCredentialFields credentials, final int answer, final Answer then)
    {
        publishCreate(exchange, CommandType.EXCHANGE_CREATE_ACCOUNT, accountId, venue, currency, wireBalance, leverage, credentials, answer,
            null, then);
    }

    /**
     * Seals the credentials and publishes EXCHANGE_CREATE_EXPERT: the account (USD, balance 0, leverage 1, as the exchange's
     * balances read sets it) and {@code expert}, CREATE_EXPERT's body naming it, in one command answered by {@code then}.
     */
    void publishCreateWithExpert(final Exchange exchange, final String accountId, final int venue, final ExchangeCredentialFields credentials,
        final RequestBody expert, final Answer then)
    {
        publishCreate(exchange, CommandType.EXCHANGE_CREATE_EXPERT, accountId, venue, "USD", 0, 1, credentials, ExchangeBodies.ANSWER_EXPERT,
            expert, then);
    }

    /** @param expert CREATE_EXPERT's body to follow the account's (EXCHANGE_CREATE_EXPERT), or null */
    private void publishCreate(final Exchange exchange, final CommandType type, final String accountId, final int venue, final String currency,
        final long wireBalance, final int leverage, final ExchangeCredentialFields credentials, final int answer, final RequestBody expert,
        final Answer then)
    {
        final String masked = Credentials.masked(credentials.apiKey());
        final String sealedKey = secrets.seal(credentials.apiKey(), accountId + "/api_key");
        final String sealedSecret = secrets.seal(credentials.apiSecret(), accountId + "/api_secret");
        final String sealedPassphrase = credentials.passphrase() == null ? null : secrets.seal(credentials.passphrase(), accountId + "/passphrase");
        final boolean testnet = credentials.testnet();
        final int market = credentials.futures() ? ExchangeBodies.MARKET_FUTURES : ExchangeBodies.MARKET_SPOT;
        exchange.publish(type, writer ->
        {
            ExchangeBodies.createAccount(writer, accountId, venue, currency, wireBalance, leverage, testnet, masked, sealedKey, sealedSecret,
                sealedPassphrase, answer, market);
            if (expert != null)
            {
                expert.encode(writer);
            }
        }, then);
    }

    /** {@code binance-} and 10 random letters and digits: the seed's create names no account, the gateway names it. */
    String newAccountId()
    {
        return newAccountId(VenueKind.BINANCE);
    }

    /** The venue's name ({@code binance-}, {@code okx-}) and 10 random letters and digits. */
    String newAccountId(final VenueKind venue)
    {
        final StringBuilder id = new StringBuilder(venue.configName()).append('-');
        for (int i = 0; i < 10; i++)
        {
            id.append(ID_CHARS[random.nextInt(ID_CHARS.length)]);
        }
        return id.toString();
    }

    private void updateCredentials(final Exchange exchange) throws BadRequest
    {
        final String accountId = accountId(exchange);
        final RequestReader in = exchange.json();
        in.begin(exchange.body(), exchange.bodyLength(), false);
        final ExchangeCredentialFields credentials = new ExchangeCredentialFields();
        while (in.nextField())
        {
            final String name = in.fieldName();
            if (!credentials.read(in, name))
            {
                in.unknownField(name);
            }
        }
        credentials.require(in);
        if (credentials.marketGiven())
        {
            in.fail("market_type", "market_type is set when the account is created");
        }
        in.finish();
        final String masked = Credentials.masked(credentials.apiKey());
        final String sealedKey = secrets.seal(credentials.apiKey(), accountId + "/api_key");
        final String sealedSecret = secrets.seal(credentials.apiSecret(), accountId + "/api_secret");
        final String sealedPassphrase = credentials.passphrase() == null ? null : secrets.seal(credentials.passphrase(), accountId + "/passphrase");
        final boolean testnet = credentials.testnet();
        exchange.publish(CommandType.EXCHANGE_CREDENTIALS, writer -> ExchangeBodies.credentials(writer, accountId, testnet, masked, sealedKey,
            sealedSecret, sealedPassphrase), Answers.ENGINE_JSON);
    }

    /**
     * Seed 003's sync-balance: the connector asks the exchange on its own threads; its answer is published as a
     * journaled EXCHANGE_BALANCES (a sync read), whose engine step answers {@code {"success", "balance", "equity"}}.
     */
    private void syncBalance(final Exchange exchange) throws BadRequest
    {
        final String accountId = accountId(exchange);
        EmptyObject.check(exchange.json(), exchange.body(), exchange.bodyLength());
        final CompletableFuture<BalanceRead> asked = io.readBalances(accountId);
        final int principal = exchange.caller().principal();
        if (asked == null && io.forwardsSync(accountId))
        {
            io.syncs().forward(exchange.defer(), accountId, principal);  // a member that does not lead: the leader reads (ForwardedSyncs)
            return;
        }
        if (asked == null)
        {
            throw new BadRequest(ResultCode.NOT_FOUND, "no exchange account with credentials has this account_id", "account_id");
        }
        final Deferred later = exchange.defer();
        asked.whenComplete((read, failure) ->
        {
            final VenueAnswer answer = read == null ? null : read.answer();
            if (failure != null || answer == null || !answer.ok())
            {
                later.error(ResultCode.VENUE_UNAVAILABLE, "the exchange did not give the balances: "
                    + (answer == null ? String.valueOf(failure) : answer.text()), null);
                return;
            }
            // journaled with its stream mark: landing after a later stream update, it does not undo it (the engine keeps the update)
            later.publish(CommandType.EXCHANGE_BALANCES, principal, writer -> RingReports.writeMarkedBalances(writer, accountId, answer.balances(),
                ExchangeBodies.BALANCES_SYNC, ExchangeBodies.NO_SYNC_REQUEST, read.mark()), Answers.ENGINE_JSON);
        });
    }

    /** {@code {"symbol", "leverage", "margin_mode": "isolated|cross", "position_mode": "one_way|hedge"}}, any of the last three. */
    private void futuresSettings(final Exchange exchange) throws BadRequest
    {
        final String accountId = accountId(exchange);
        final FuturesRequest request = FuturesRequest.read(exchange.json(), exchange.body(), exchange.bodyLength());
        exchange.publish(CommandType.EXCHANGE_FUTURES_SETTINGS, writer -> ExchangeBodies.futuresSettings(writer, accountId, request.symbol(),
            request.leverage(), request.marginMode(), request.positionMode()), Answers.ENGINE_JSON);
    }

    private static String accountId(final Exchange exchange) throws BadRequest
    {
        return exchange.path().clientId("account_id", Ids.MAX_LENGTH, ResultCode.NOT_FOUND, "account not found");
    }
}
