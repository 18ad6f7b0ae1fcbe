package io.ordergate.gateway.exchange;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;

import io.netty.channel.ChannelHandlerContext;
import io.ordergate.config.VenueKind;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.view.JsonWriter;
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
 * then read from the exchange, as sync-balance does, so the expert sizes and risk-checks against what the exchange holds.
 * Thread safe: each request gets its own answer object.
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
            final var asked = io.readBalances(accountId);
            if (asked == null)
            {
                return;
            }
            asked.whenComplete((read, failure) ->
            {
                final var answer = read == null ? null : read.answer();
                if (answer != null && answer.ok())
                {
                    publisher.publish(CommandType.EXCHANGE_BALANCES, CommandFrame.PRINCIPAL_SYSTEM, CommandFrame.SOURCE_SYSTEM,
                        writer -> RingReports.writeMarkedBalances(writer, accountId, answer.balances(), ExchangeBodies.BALANCES_SYNC,
                            ExchangeBodies.NO_SYNC_REQUEST, read.mark()), null, null);
                }
                else
                {
                    LOG.warning(() -> "exchange account " + accountId + " made for an expert: its balance could not be read ("
                        + (answer == null ? String.valueOf(failure) : answer.text()) + "); POST /api/v1/accounts/" + accountId + "/sync-balance reads it");
                }
            });
        }
    }
}
