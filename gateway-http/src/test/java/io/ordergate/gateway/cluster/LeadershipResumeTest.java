package io.ordergate.gateway.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.dsl.Disruptor;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.config.secrets.MasterKeys;
import io.ordergate.config.secrets.SecretBox;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.pipeline.CommandLog;
import io.ordergate.engine.pipeline.Pipeline;
import io.ordergate.engine.pipeline.ResultHandler;
import io.ordergate.engine.pipeline.RingStages;
import io.ordergate.gateway.core.CommandPublisher;
import io.ordergate.gateway.core.ReplyTarget;
import io.ordergate.gateway.exchange.ExchangeIo;

/**
 * A member that becomes the leader publishes RECOVER_ROUTED, then EXCHANGE_RECOVER, through the log. Right after its
 * election its own gateway's client may still have no session with it (the old leader's closed, a new one connecting),
 * and the cluster's ingress then refuses what it publishes (503 NOT_READY, never offered). A refused one is published
 * again until the log applies it: until 2026-12-05 it was published once with no one waiting for its answer, so a
 * refusal went unnoticed and the old leader's routed orders were never made {@code unknown} and settled. The log here
 * is a stand-in that refuses the first copies as the cluster's ingress does and applies the rest.
 */
class LeadershipResumeTest
{
    private static final String CONFIG = String.join("\n",
        "pipeline: { ring_size: 64 }",
        "instruments:",
        "  - { symbol: EURUSD, digits: 5, pip_size: 0.0001, contract_size: 100000, lot_step: 0.01,",
        "      min_quantity: 0.01, max_quantity: 100, base_currency: EUR, quote_currency: USD }",
        "");

    @Test
    void aRefusedRecoverRoutedIsPublishedAgainUntilTheLogAppliesIt() throws Exception
    {
        final RefusingLog log = new RefusingLog(2);
        final GatewayConfig config = ConfigLoader.parse(CONFIG, "leadership-resume-test");
        final CommandPublisher publisher = new CommandPublisher();
        try (Pipeline pipeline = Pipeline.start(config.pipeline(), log, new Answering());
            ExchangeIo exchanges = new ExchangeIo(config.exchanges(), config.instruments(), new SecretBox(MasterKeys.of(new byte[32]))))
        {
            publisher.pipeline(pipeline);
            new LeadershipResume(publisher, exchanges).leading(true);

            await(() -> log.applied.contains(CommandType.EXCHANGE_RECOVER), "RECOVER_ROUTED applied, then EXCHANGE_RECOVER");
            assertEquals(List.of(CommandType.RECOVER_ROUTED, CommandType.RECOVER_ROUTED, CommandType.RECOVER_ROUTED,
                CommandType.EXCHANGE_RECOVER), log.seen, "refused twice, published again each time, applied the third time; then the next");
            assertEquals(List.of(CommandType.RECOVER_ROUTED, CommandType.EXCHANGE_RECOVER), log.applied);
        }
    }

    @Test
    void aMemberThatStopsLeadingStopsPublishingWhatWasRefused() throws Exception
    {
        final RefusingLog log = new RefusingLog(Integer.MAX_VALUE);
        final GatewayConfig config = ConfigLoader.parse(CONFIG, "leadership-resume-test");
        final CommandPublisher publisher = new CommandPublisher();
        try (Pipeline pipeline = Pipeline.start(config.pipeline(), log, new Answering());
            ExchangeIo exchanges = new ExchangeIo(config.exchanges(), config.instruments(), new SecretBox(MasterKeys.of(new byte[32]))))
        {
            publisher.pipeline(pipeline);
            final LeadershipResume resume = new LeadershipResume(publisher, exchanges);
            resume.leading(true);
            await(() -> log.seen.stream().filter(CommandType.RECOVER_ROUTED::equals).count() >= 2, "a refused RECOVER_ROUTED published again");

            resume.leading(false);
            await(() -> !resumeThreadRuns(), "the resume thread ends once this member follows, instead of publishing copies for good");
            assertTrue(log.applied.isEmpty(), "nothing applied: every copy was refused");
        }
    }

    private static boolean resumeThreadRuns()
    {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(thread -> thread.getName().equals("og-leadership") && thread.isAlive());
    }

    private static void await(final BooleanSupplier condition, final String what) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean())
        {
            assertTrue(System.nanoTime() < deadline, what + " within 10 s");
            Thread.sleep(10);  // polling a condition with a deadline
        }
    }

    /** The gateway's reply stage, as far as a command published for itself goes: its {@link ReplyTarget} hears the answer. */
    private static final class Answering implements ResultHandler
    {
        @Override
        public void onResult(final CommandEvent event, final long sequence, final boolean endOfBatch)
        {
            if (event.replyTo instanceof ReplyTarget)
            {
                ((ReplyTarget)event.replyTo).onReply(event, null);
            }
        }
    }

    /** A log that refuses the first {@code refusals} RECOVER_ROUTED commands (503 NOT_READY, as og-ingress) and applies the rest. */
    private static final class RefusingLog implements CommandLog
    {
        final List<CommandType> seen = new CopyOnWriteArrayList<>();
        final List<CommandType> applied = new CopyOnWriteArrayList<>();
        private final AtomicInteger refusals;

        RefusingLog(final int refusals)
        {
            this.refusals = new AtomicInteger(refusals);
        }

        @Override
        public String[] threadNames(final RingStages stages)
        {
            return new String[] {"og-test-log"};
        }

        @Override
        public SequenceBarrier attach(final Disruptor<CommandEvent> disruptor, final RingStages stages)
        {
            return disruptor.handleEventsWith((event, sequence, endOfBatch) ->
            {
                seen.add(event.type);
                if (event.type == CommandType.RECOVER_ROUTED && refusals.getAndDecrement() > 0)
                {
                    event.reject(ResultCode.NOT_READY, "the cluster has no leader to take the command; retry", null);
                }
                else
                {
                    applied.add(event.type);
                    event.result = ResultCode.OK;
                }
                stages.replies().onResult(event, sequence, endOfBatch);
            }).asSequenceBarrier();
        }
    }
}
