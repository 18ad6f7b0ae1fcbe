package io.ordergate.gateway;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.ordergate.gateway.ea.EaGenerator;
import io.ordergate.gateway.ea.TemplateGenerator;

/**
 * An EA generator ({@code ea.generator: held-for-test}, found through {@code META-INF/services}) that holds each
 * generation on its artifact worker until a test lets it go: a request whose answer does not come, as a language model
 * that never replies would hold one. Then it generates as {@code template} does. Thread safe.
 */
public final class HeldEaGenerator implements EaGenerator
{
    static final String NAME = "held-for-test";
    /** Counted down when a generation begins to wait. */
    static volatile CountDownLatch entered = new CountDownLatch(1);
    /** Lets every waiting generation go. */
    static volatile CountDownLatch released = new CountDownLatch(1);

    /** A fresh pair of latches before a test. */
    static void reset()
    {
        entered = new CountDownLatch(1);
        released = new CountDownLatch(1);
    }

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public Generated generate(final String description, final List<String> symbols) throws NotUnderstood
    {
        entered.countDown();
        try
        {
            if (!released.await(60, TimeUnit.SECONDS))  // a bound, so a test that fails never leaves the worker held
            {
                throw new IllegalStateException("the test never let the generation go");
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while held", ex);
        }
        return new TemplateGenerator().generate(description, symbols);
    }
}
