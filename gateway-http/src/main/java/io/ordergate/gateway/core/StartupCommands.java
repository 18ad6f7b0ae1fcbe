package io.ordergate.gateway.core;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.gateway.json.RequestBody;

/**
 * Commands the gateway publishes for itself while it starts (configured accounts, the admin key, the demo's executor
 * and exchange accounts, the venues' recoveries), journaled like any other as the system principal, and the bounded
 * wait for their answers: the gateway opens only once every one is applied, and refuses to start, naming each, when
 * one failed or did not answer in time. Published on the start-up thread; the reply thread counts the answers.
 */
public final class StartupCommands implements ReplyTarget
{
    /** For {@link #publish(CommandPublisher, CommandType, RequestBody, String, Predicate)}: any refusal is a failure. */
    public static final Predicate<CommandEvent> EVERY_REFUSAL_FAILS = event -> false;

    /** What one published command is called in a failure, and which refusals of it are fine after all. */
    private record Pending(String label, Predicate<CommandEvent> refusalIsFine)
    {
    }

    private final String batch;
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final Semaphore answered = new Semaphore(0);
    private int published;

    /** @param batch what the commands are, for the exceptions ("executor start-up commands") */
    public StartupCommands(final String batch)
    {
        this.batch = batch;
    }

    /** Publishes one command, named by its type in a failure. */
    public void publish(final CommandPublisher publisher, final CommandType type, final RequestBody body)
    {
        publish(publisher, type, body, type.name(), EVERY_REFUSAL_FAILS);
    }

    /**
     * Publishes one command.
     *
     * @param label         its name in a failure ("account paper-1")
     * @param refusalIsFine a refusal that means it was done already (a cluster member's account made by another)
     * @throws IllegalStateException when the ring is full (nothing else publishes while the gateway starts)
     */
    public void publish(final CommandPublisher publisher, final CommandType type, final RequestBody body, final String label,
        final Predicate<CommandEvent> refusalIsFine)
    {
        if (!publisher.publish(type, CommandFrame.PRINCIPAL_SYSTEM, CommandFrame.SOURCE_SYSTEM, body, this, new Pending(label, refusalIsFine)))
        {
            throw new IllegalStateException("the ring is full at start-up");
        }
        published++;
    }

    /**
     * Waits, bounded, for the answer to every command published so far.
     *
     * @throws IllegalStateException when one failed or they did not all answer in time
     */
    public void await(final long timeoutMillis) throws InterruptedException
    {
        if (!answered.tryAcquire(published, timeoutMillis, TimeUnit.MILLISECONDS))
        {
            throw new IllegalStateException(batch + " did not complete within " + timeoutMillis + " ms");
        }
        published = 0;
        if (!failures.isEmpty())
        {
            throw new IllegalStateException(batch + " failed: " + String.join("; ", failures));
        }
    }

    @Override
    public void onReply(final CommandEvent event, final ChannelFlushes flushes)
    {
        final Pending pending = (Pending)event.attachment;
        if ((event.result == null || !event.result.isSuccess()) && !pending.refusalIsFine().test(event))
        {
            failures.add(pending.label() + ": " + event.result + (event.resultMessage == null ? "" : " (" + event.resultMessage + ")"));
        }
        answered.release();
    }
}
