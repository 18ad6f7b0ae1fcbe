package io.ordergate.gateway.exchange;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;

import io.netty.channel.ChannelHandlerContext;
import io.ordergate.config.VenueKind;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.exchange.client.BalanceRead;
import io.ordergate.exchange.venue.ExchangeBodies;
import io.ordergate.gateway.accounts.ExchangeCredentialFields;
import io.ordergate.gateway.core.Answer;
import io.ordergate.gateway.core.Answers;
import io.ordergate.gateway.core.CommandPublisher;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.experts.ExpertAccountCreation;
import io.ordergate.gateway.json.RequestBody;

/**
 * Seed 001's expert with an {@code exchange} block: the exchange account is made first (its credentials sealed before
 * they enter the ring, its market from {@code trading_config.market_type}), then, once the engine made it, the expert
 * on it in a second command of the same request, which answers (a refusal of the first answers instead). Its balance is
 * then read from the exchange, as sync-balance does (retried while the ring is full), so the expert sizes and risk-checks
 * against what the exchange holds. Thread safe: each request gets its own answer object.
 */
final class ExpertExchangeAccounts implements ExpertAccountCreation
{
    private static final Logger LOG = Logger.getLogger(ExpertExchangeAccounts.class.getName());
    private static final long RING_FULL_RETRY_MICROS = 200;

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
        accounts.publishCreate(exchange, id, venue.code(), "USD", 0, 1, credentials, ExchangeBodies.ANSWER_ACCOUNT, new ThenExpert(exchange, id,
            expertBody.apply(id)));
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

    /** Answers the account's creation by publishing the expert's; the expert's answer is the request's. */
    private final class ThenExpert implements Answer
    {
        private final String accountId;
        private final RequestBody expert;
        private final int principal;
        private final Object replyTo;
        private final CommandPublisher publisher;
        private final ChannelHandlerContext connection;

        ThenExpert(final Exchange exchange, final String accountId, final RequestBody expert)
        {
            this.accountId = accountId;
            this.expert = expert;
            this.principal = exchange.caller().principal();
            this.replyTo = exchange.replyTarget();
            this.publisher = exchange.publisher();
            this.connection = exchange.channel();
        }

        @Override
        public int render(final CommandEvent event, final JsonWriter json)
        {
            if (event.result == null || !event.result.isSuccess())
            {
                return Answers.ENGINE_JSON.render(event, json);
            }
            connection.executor().execute(this::publishExpert);
            syncBalance();
            return Answer.PENDING;
        }

        private void publishExpert()
        {
            if (connection.channel().isActive()
                && !publisher.publish(CommandType.CREATE_EXPERT, principal, CommandFrame.SOURCE_HTTP, expert, replyTo, Answers.ENGINE_JSON))
            {
                connection.executor().schedule(this::publishExpert, RING_FULL_RETRY_MICROS, TimeUnit.MICROSECONDS);
            }
        }

        private void syncBalance()
        {
            // its own queue on this connection's event loop (which outlives the connection): the read's stream mark keeps it from
            // undoing a stream update of the account that lands first
            journalFirstRead(accountId, io.readBalances(accountId), new RingReports(accountId, publisher, connection.executor()));
        }
    }
}
