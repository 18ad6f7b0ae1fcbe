package io.ordergate.gateway.exchange;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import io.netty.channel.ChannelHandlerContext;
import io.ordergate.config.VenueKind;
import io.ordergate.engine.command.CommandBodies;
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
 * on it in a second command of the same request, which answers (a refusal of the first answers instead). An expert the
 * engine refuses takes its account back with a third, DELETE_ACCOUNT, before the refusal is answered; the expert is
 * published even when its client has gone. So no account is left that only a half-made expert asked for (a crash between
 * the two commands still can: they are two journal entries). Once the expert is made its account's balance is read from
 * the exchange, as sync-balance does (retried while the ring is full), so the expert sizes and risk-checks against what
 * the exchange holds. Thread safe: each request gets its own answer objects.
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

    /**
     * Answers the account's creation by publishing the expert's; the expert's answer is the request's. The expert is
     * published whether or not the client is still there (the account was made for it: skipping it left the account
     * behind, nobody's), and an expert the engine refuses takes its account back ({@link ExpertOrUndo}).
     */
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
            final ExpertOrUndo answer = new ExpertOrUndo(this);
            connection.executor().execute(() -> publishUntilTaken(CommandType.CREATE_EXPERT, expert, answer));
            return Answer.PENDING;
        }

        /** Publishes on the connection's event loop (which outlives the connection), again shortly after while the ring is full. */
        void publishUntilTaken(final CommandType type, final RequestBody body, final Answer answer)
        {
            if (!publisher.publish(type, principal, CommandFrame.SOURCE_HTTP, body, replyTo, answer))
            {
                connection.executor().schedule(() -> publishUntilTaken(type, body, answer), RING_FULL_RETRY_MICROS, TimeUnit.MICROSECONDS);
            }
        }

        void syncBalance()
        {
            // its own queue on this connection's event loop (which outlives the connection): the read's stream mark keeps it from
            // undoing a stream update of the account that lands first
            journalFirstRead(accountId, io.readBalances(accountId), new RingReports(accountId, publisher, connection.executor()));
        }
    }

    /**
     * The expert's answer. Made: the request's answer, and the account's balance is read from the exchange. Refused (its
     * table full, say) or not applied: the account made for it is deleted through the ring (DELETE_ACCOUNT, journaled, so
     * a replay undoes it too) and the refusal is answered once it is gone, so a client that reads the accounts after the
     * refusal finds no account it never asked for.
     */
    private static final class ExpertOrUndo implements Answer
    {
        private final ThenExpert request;
        private int refusedStatus;
        private byte[] refusal;

        ExpertOrUndo(final ThenExpert request)
        {
            this.request = request;
        }

        @Override
        public int render(final CommandEvent event, final JsonWriter json)
        {
            if (event.result != null && event.result.isSuccess())
            {
                request.syncBalance();
                return Answers.ENGINE_JSON.render(event, json);
            }
            // kept until the deletion's answer (the event's slot is reused after this call)
            final JsonWriter kept = new JsonWriter().wrap(new ExpandableArrayBuffer(256), 0);
            refusedStatus = Answers.ENGINE_JSON.render(event, kept);
            refusal = new byte[kept.length()];
            kept.buffer().getBytes(0, refusal);
            final String accountId = request.accountId;
            request.connection.executor().execute(() -> request.publishUntilTaken(CommandType.DELETE_ACCOUNT,
                writer -> CommandBodies.accountId(writer, accountId), this::answerRefusal));
            return Answer.PENDING;
        }

        /** DELETE_ACCOUNT's answer: the expert's refusal, whatever the deletion did (one that failed is logged). */
        private int answerRefusal(final CommandEvent deletion, final JsonWriter json)
        {
            if (deletion.result == null || !deletion.result.isSuccess())
            {
                final String why = deletion.resultMessage;
                LOG.warning(() -> "exchange account " + request.accountId + " was made for an expert the engine refused, and could not be"
                    + " deleted (" + why + "); DELETE /api/v1/accounts/" + request.accountId + " deletes it");
            }
            json.raw(new UnsafeBuffer(refusal), 0, refusal.length);
            return refusedStatus;
        }
    }
}
