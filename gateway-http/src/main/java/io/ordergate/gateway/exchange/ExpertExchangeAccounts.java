package io.ordergate.gateway.exchange;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.logging.Logger;

import io.netty.channel.ChannelHandlerContext;
import io.ordergate.config.VenueKind;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.exchange.client.BalanceRead;
import io.ordergate.gateway.accounts.ExchangeCredentialFields;
import io.ordergate.gateway.core.Answer;
import io.ordergate.gateway.core.Answers;
import io.ordergate.gateway.core.CommandPublisher;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.experts.ExpertAccountCreation;
import io.ordergate.gateway.json.RequestBody;

/**
 * Seed 001's expert with an {@code exchange} block: the exchange account (its credentials sealed before they enter the
 * ring, its market from {@code trading_config.market_type}) and the expert on it are one journaled command,
 * EXCHANGE_CREATE_EXPERT, both made or neither (an expert the engine refuses takes its account back in the same step), so
 * no crash and no refusal leaves an account nobody asked for. Once the expert is made its account's balance is read from
 * the exchange, as sync-balance does (retried while the ring is full), so the expert sizes and risk-checks against what
 * the exchange holds. Thread safe: each request gets its own answer object.
 */
final class ExpertExchangeAccounts implements ExpertAccountCreation
{
    private static final Logger LOG = Logger.getLogger(ExpertExchangeAccounts.class.getName());

    private final ExchangeAccountRoutes accounts;
    private final ExchangeIo io;

    ExpertExchangeAccounts(final ExchangeAccountRoutes accounts, final ExchangeIo io)
    {
        this.accounts = accounts;
        this.io = io;
    }

    @Override
    public void createThen(final Exchange exchange, final String accountId, final VenueKind venue, final ExchangeCredentialFields credentials,
        final Function<String, RequestBody> expertBody)
    {
        final String id = accountId != null ? accountId : accounts.newAccountId(venue);
        accounts.publishCreateWithExpert(exchange, id, venue.code(), credentials, expertBody.apply(id), new ThenBalances(exchange, id));
    }

    /**
     * Journals the first read of a new account's balances through a {@link RingReports}: a full ring retries it shortly
     * after instead of dropping it, which left the expert's account without a balance until some later read. A read the
     * exchange refuses is logged with the route that reads again.
     *
     * @param asked   the read, or null when the account has no link here
     * @param reports where the read goes into the ring
     */
    static void journalFirstRead(final String accountId, final CompletableFuture<BalanceRead> asked, final RingReports reports)
    {
        if (asked == null)
        {
            return;
        }
        asked.whenComplete((read, failure) ->
        {
            final var answer = read == null ? null : read.answer();
            if (answer != null && answer.ok())
            {
                reports.syncRead(answer.balances(), read.mark());
            }
            else
            {
                LOG.warning(() -> "exchange account " + accountId + " made for an expert: its balance could not be read ("
                    + (answer == null ? String.valueOf(failure) : answer.text()) + "); POST /api/v1/accounts/" + accountId
                    + "/sync-balance reads it");
            }
        });
    }

    /** The expert's answer; once it is made, its new account's balances are read from the exchange. */
    private final class ThenBalances implements Answer
    {
        private final String accountId;
        private final CommandPublisher publisher;
        private final ChannelHandlerContext connection;

        ThenBalances(final Exchange exchange, final String accountId)
        {
            this.accountId = accountId;
            this.publisher = exchange.publisher();
            this.connection = exchange.channel();
        }

        @Override
        public int render(final CommandEvent event, final JsonWriter json)
        {
            if (event.result != null && event.result.isSuccess())
            {
                // its own queue on this connection's event loop (which outlives the connection): the read's stream mark keeps it from
                // undoing a stream update of the account that lands first
                journalFirstRead(accountId, io.readBalances(accountId), new RingReports(accountId, publisher, connection.executor()));
            }
            return Answers.ENGINE_JSON.render(event, json);
        }
    }
}
