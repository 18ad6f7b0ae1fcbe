package io.ordergate.gateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ThreadFactory;

import org.junit.jupiter.api.Test;

class DaemonThreadsTest
{
    @Test
    void shouldMakeDaemonsThatDoNotKeepTheProcessAlive()
    {
        final Runnable nothing = () -> { };
        for (final Thread thread : List.of(DaemonThreads.named("og-a").newThread(nothing), DaemonThreads.numbered("og-b-").newThread(nothing),
            DaemonThreads.unstarted("og-c", nothing)))
        {
            assertTrue(thread.isDaemon(), thread.getName());
            assertFalse(thread.isAlive(), "returned unstarted: " + thread.getName());
        }
    }

    @Test
    void shouldNameEveryThreadAlikeOrNumberThemFromOne()
    {
        final ThreadFactory named = DaemonThreads.named("og-mail");
        final ThreadFactory numbered = DaemonThreads.numbered("og-password-");
        final Runnable nothing = () -> { };
        assertEquals(List.of("og-mail", "og-mail"), List.of(named.newThread(nothing).getName(), named.newThread(nothing).getName()));
        assertEquals(List.of("og-password-1", "og-password-2", "og-password-3"),
            List.of(numbered.newThread(nothing).getName(), numbered.newThread(nothing).getName(), numbered.newThread(nothing).getName()));
        assertEquals("og-password-1", DaemonThreads.numbered("og-password-").newThread(nothing).getName(), "each factory counts on its own");
    }
}
