package io.ordergate.gateway.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The login throttle, the per-user request limit and the per-user WebSocket count, on a clock the test moves. */
class LimitsTest
{
    private static final long NOW = 1_795_341_600_000L;
    private final AtomicLong clock = new AtomicLong(NOW);

    @Test
    void failedLoginsBackOffPastHalfTheLimitThenLockTheName()
    {
        final LoginThrottle throttle = new LoginThrottle(clock::get, 6, 100, 900);
        for (int i = 0; i < 3; i++)
        {
            assertEquals(0, throttle.retryAfterSeconds("Ann@Example.com", "10.0.0.1"));
            throttle.failed("ann@example.com", "10.0.0.1");
        }
        assertEquals(0, throttle.retryAfterSeconds("ann@example.com", "10.0.0.1"), "up to half the limit: no wait");
        throttle.failed("ann@example.com", "10.0.0.1");
        assertEquals(1, throttle.retryAfterSeconds("ANN@example.com", "10.0.0.2"), "the 4th failure: 1 s, by name in any case");
        clock.addAndGet(1000);
        throttle.failed("ann@example.com", "10.0.0.1");
        assertEquals(2, throttle.retryAfterSeconds("ann@example.com", "10.0.0.1"), "the 5th: 2 s");
        clock.addAndGet(2000);
        throttle.failed("ann@example.com", "10.0.0.1");
        assertEquals(900, throttle.retryAfterSeconds("ann@example.com", "10.0.0.9"), "the 6th: locked");
        assertEquals(0, throttle.retryAfterSeconds("bob@example.com", "10.0.0.9"), "another name from elsewhere is free");
        clock.addAndGet(900_000);
        assertEquals(0, throttle.retryAfterSeconds("ann@example.com", "10.0.0.1"));
    }

    @Test
    void oneAddressFailingForManyNamesIsLockedAndASuccessDoesNotClearIt()
    {
        final LoginThrottle throttle = new LoginThrottle(clock::get, 100, 4, 60);
        for (int i = 0; i < 4; i++)
        {
            throttle.failed("user" + i + "@example.com", "10.0.0.7");
        }
        throttle.succeeded("mine@example.com", null);
        assertEquals(60, throttle.retryAfterSeconds("anyone@example.com", "10.0.0.7"));
        assertEquals(0, throttle.retryAfterSeconds("anyone@example.com", "10.0.0.8"));
    }

    @Test
    void aSuccessClearsTheNamesCount()
    {
        final LoginThrottle throttle = new LoginThrottle(clock::get, 4, 100, 60);
        for (int i = 0; i < 3; i++)
        {
            throttle.failed("ann@example.com", "10.0.0.1");
        }
        assertTrue(throttle.retryAfterSeconds("ann@example.com", null) > 0);
        throttle.succeeded("ann@example.com", null);
        assertEquals(0, throttle.retryAfterSeconds("ann@example.com", null));
    }

    @Test
    void attemptsBeingJudgedCountTowardTheLimitSoABurstCannotAllPass()
    {
        final LoginThrottle throttle = new LoginThrottle(clock::get, 4, 100, 60);
        for (int i = 0; i < 4; i++)
        {
            assertEquals(0, throttle.tryBegin("ann@example.com", "10.0.0." + i), "attempt " + i + " begins");
        }
        assertEquals(1, throttle.tryBegin("ann@example.com", "10.0.0.9"), "four in flight: the fifth waits for their verdict");
        throttle.abandoned("ann@example.com", "10.0.0.0");
        assertEquals(0, throttle.tryBegin("ann@example.com", "10.0.0.9"), "an abandoned attempt frees its place");
        throttle.succeeded("ann@example.com", "10.0.0.1");
        throttle.failed("ann@example.com", "10.0.0.2");
        throttle.failed("ann@example.com", "10.0.0.3");
        assertEquals(0, throttle.tryBegin("ann@example.com", "10.0.0.5"), "two failures and one in flight: under the limit");
        assertEquals(1, throttle.tryBegin("ann@example.com", "10.0.0.6"), "two failures and two in flight: at it");
        throttle.failed("ann@example.com", "10.0.0.9");
        throttle.failed("ann@example.com", "10.0.0.5");
        assertEquals(60, throttle.tryBegin("ann@example.com", "10.0.0.6"), "the fourth failure locks the name");
    }

    @Test
    void anAddressAtItsLimitStartsNothingForTheName()
    {
        final LoginThrottle throttle = new LoginThrottle(clock::get, 1, 2, 60);
        assertEquals(0, throttle.tryBegin("ann@example.com", "10.0.0.7"));
        assertEquals(0, throttle.tryBegin("bob@example.com", "10.0.0.7"));
        assertEquals(1, throttle.tryBegin("cid@example.com", "10.0.0.7"));
        throttle.abandoned("ann@example.com", "10.0.0.7");
        throttle.abandoned("bob@example.com", "10.0.0.7");
        assertEquals(0, throttle.retryAfterSeconds("cid@example.com", "10.0.0.8"), "the refused attempt left nothing in flight for the name");
        assertEquals(0, throttle.countAttempt(null, "10.0.0.7"));
        assertEquals(0, throttle.countAttempt(null, "10.0.0.7"));
        assertEquals(60, throttle.countAttempt(null, "10.0.0.7"), "counted attempts lock the address at its limit");
    }

    @Test
    void aUserGetsItsRequestsPerMinuteAndThenTheSecondsToTheNextMinute()
    {
        final RequestLimiter limiter = new RequestLimiter(clock::get, 3);
        clock.set(NOW + 45_000);
        for (int i = 0; i < 3; i++)
        {
            assertEquals(0, limiter.acquire("u-1"));
        }
        assertEquals(15, limiter.acquire("u-1"));
        assertEquals(0, limiter.acquire("u-2"), "each user has its own");
        clock.set(NOW + 60_000);
        assertEquals(0, limiter.acquire("u-1"), "a new minute");
    }

    @Test
    void concurrentRequestsNeverPassMoreThanTheLimit() throws Exception
    {
        final RequestLimiter limiter = new RequestLimiter(clock::get, 1000);
        final AtomicInteger allowed = new AtomicInteger();
        final List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++)
        {
            final Thread thread = new Thread(() ->
            {
                for (int i = 0; i < 500; i++)
                {
                    if (limiter.acquire("u-1") == 0)
                    {
                        allowed.incrementAndGet();
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (final Thread thread : threads)
        {
            thread.join();
        }
        assertEquals(1000, allowed.get());
    }

    @Test
    void aUserOpensAtMostItsWebSockets()
    {
        final WebSocketCounter sockets = new WebSocketCounter(2);
        assertTrue(sockets.tryOpen("u-1"));
        assertTrue(sockets.tryOpen("u-1"));
        assertFalse(sockets.tryOpen("u-1"));
        assertTrue(sockets.tryOpen("u-2"));
        sockets.closed("u-1");
        assertEquals(1, sockets.openCount("u-1"));
        assertTrue(sockets.tryOpen("u-1"));
    }
}
