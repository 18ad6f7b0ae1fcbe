package io.ordergate.cluster;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.lmax.disruptor.EventTranslatorTwoArg;

import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.Engine;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.pipeline.Pipeline;
import io.ordergate.engine.pipeline.ResultHandler;

/**
 * One cluster member in the test's JVM, as the gateway wires one: a fresh engine, a cluster node, a pipeline whose
 * log is the cluster; commands published the way the gateway's publisher does (the correlation id is the ring
 * sequence), each answered through a future.
 */
final class TestNode implements AutoCloseable
{
    private static final Pattern DIGEST = Pattern.compile("\"digest\":\"([^\"]+)\"");

    /** The answer to one command: what the reply stage saw. */
    record Answer(ResultCode result, long orderId, io.ordergate.engine.command.OrderStatus status, String json, String message)
    {
    }

    private record Submission(CommandType type, Consumer<BodyWriter> body, CompletableFuture<Answer> reply)
    {
    }

    final int memberId;
    /** This member's Aeron directory: its media driver's name ({@link LoopbackPartition} cuts a member off by it). */
    final String aeronDir;
    final ClusterNode node;
    final Pipeline pipeline;
    final AtomicLong remoteResults = new AtomicLong();
    final AtomicLong leadershipChanges = new AtomicLong();
    /** How many times this member's engine applied RECOVER_ROUTED and EXCHANGE_RECOVER (the connectors' handlers stand-ins). */
    final AtomicLong recoveredRouted = new AtomicLong();
    final AtomicLong recoveredExchange = new AtomicLong();
    /** Per ring sequence of this node's commands: how many times the reply stage was handed it (once, always). */
    final java.util.Map<Long, Integer> localAnswers = new java.util.concurrent.ConcurrentHashMap<>();
    /** The ring sequence each command sent went to (its correlation id). */
    private final java.util.Map<CompletableFuture<Answer>, Long> sequences = new java.util.concurrent.ConcurrentHashMap<>();
    private final EventTranslatorTwoArg<CommandEvent, Submission, Object> filler = this::fill;
    private volatile boolean leading;

    TestNode(final GatewayConfig config, final Path dataDir)
    {
        this.memberId = config.cluster().memberId();
        this.aeronDir = ClusterNode.aeronDir(config.cluster(), dataDir);
        final Engine engine = new Engine(config);
        engine.handle(CommandType.RECOVER_ROUTED, event -> applied(event, recoveredRouted));
        engine.handle(CommandType.EXCHANGE_RECOVER, event -> applied(event, recoveredExchange));
        final ResultHandler replies = new ResultHandler()
        {
            @Override
            @SuppressWarnings("unchecked")
            public void onResult(final CommandEvent event, final long sequence, final boolean endOfBatch)
            {
                if (sequence >= 0)
                {
                    localAnswers.merge(sequence, 1, Integer::sum);
                }
                if (event.replyTo instanceof CompletableFuture)
                {
                    final String json = event.outputKind == CommandEvent.OUTPUT_JSON ? event.output.getStringWithoutLengthAscii(0, event.outputLength) : null;
                    ((CompletableFuture<Answer>)event.replyTo).complete(new Answer(event.result, event.order.orderId, event.order.status, json,
                        event.resultMessage));
                }
                else if (event.replyTo == null)
                {
                    remoteResults.incrementAndGet();
                }
            }

            @Override
            public void leading(final boolean lead)
            {
                leading = lead;
            }
        };
        this.node = ClusterNode.launch(config.cluster(), dataDir, engine, replies, lead -> leadershipChanges.incrementAndGet());
        this.pipeline = Pipeline.start(config.pipeline(), node.commandLog(), replies);
    }

    private static void applied(final CommandEvent event, final AtomicLong count)
    {
        count.incrementAndGet();
        event.result = ResultCode.OK;
    }

    boolean replyStageLeads()
    {
        return leading;
    }

    CompletableFuture<Answer> send(final CommandType type, final Consumer<BodyWriter> body)
    {
        final CompletableFuture<Answer> reply = new CompletableFuture<>();
        if (!pipeline.tryPublish(filler, new Submission(type, body, reply), null))
        {
            reply.completeExceptionally(new IllegalStateException("ring full"));
        }
        return reply;
    }

    /** Whether this member's ingress offered {@code sent} to the cluster (rather than refusing it, or not yet deciding). */
    boolean offered(final CompletableFuture<Answer> sent)
    {
        final Long sequence = sequences.get(sent);
        return sequence != null && node.wasOffered(sequence);
    }

    Answer await(final CommandType type, final Consumer<BodyWriter> body) throws Exception
    {
        return send(type, body).get(30, TimeUnit.SECONDS);
    }

    /** The engine's state digest, read through the cluster's log (so after every command committed before it). */
    String digest() throws Exception
    {
        return digestOf(await(CommandType.STATE_DIGEST, writer -> { }));
    }

    /** The digest a STATE_DIGEST read answered. */
    static String digestOf(final Answer answer)
    {
        final Matcher matcher = DIGEST.matcher(String.valueOf(answer.json()));
        if (!matcher.find())
        {
            throw new AssertionError("no digest in " + answer);
        }
        return matcher.group(1);
    }

    private void fill(final CommandEvent event, final long sequence, final Submission submission, final Object unused)
    {
        sequences.put(submission.reply(), sequence);
        event.reset(submission.type());
        event.header(CommandFrame.PRINCIPAL_SYSTEM, System.currentTimeMillis() * 1000L, sequence, CommandFrame.SOURCE_SYSTEM);
        final BodyWriter writer = new BodyWriter();
        submission.body().accept(writer.wrap(event.frame, CommandFrame.BODY_OFFSET));
        event.bodyLength(writer.length());
        event.replyTo = submission.reply();
    }

    @Override
    public void close()
    {
        pipeline.close();
        node.close();
    }
}
