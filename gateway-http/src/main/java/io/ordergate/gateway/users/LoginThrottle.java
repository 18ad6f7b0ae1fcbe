package io.ordergate.gateway.users;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * Limits failed attempts per name (a login name, or an email for reset requests; known or not: an unknown name is
 * limited the same, so the limit tells nothing) and per source address. Past half the limit each further failure
 * doubles a wait before the next try (back-off); at the limit the name or address is locked for
 * {@code auth.login_lockout_seconds}. A success clears the name's count, never the address's (one's own good password
 * must not reset an attack from the same place).
 *
 * <p>An attempt is counted from {@link #tryBegin} until {@link #failed}, {@link #succeeded} or {@link #abandoned}:
 * the verdict takes a slow hash, and attempts still being judged count toward the limit, so a burst of concurrent
 * tries cannot all pass the check before the first failure is counted. Kept in memory: a restart forgets it. Thread
 * safe: entries are immutable and replaced atomically.
 */
public final class LoginThrottle
{
    /** Past this many remembered names and addresses, expired ones are swept out on the next failure. */
    private static final int SWEEP_ABOVE = 100_000;
    /** The wait answered while attempts in flight would reach the limit: their verdict is a hash away. */
    private static final long IN_FLIGHT_WAIT_MILLIS = 1000;

    private final Map<String, Failures> entries = new ConcurrentHashMap<>();
    private final LongSupplier clockMillis;
    private final int perUser;
    private final int perAddress;
    private final long lockoutMillis;

    private record Failures(int count, int inFlight, long firstMillis, long blockedUntilMillis)
    {
        boolean expired(final long now, final long lockoutMillis)
        {
            return now - firstMillis > lockoutMillis && blockedUntilMillis <= now;
        }
    }

    public LoginThrottle(final LongSupplier clockMillis, final int perUser, final int perAddress, final int lockoutSeconds)
    {
        this.clockMillis = clockMillis;
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.lockoutMillis = lockoutSeconds * 1000L;
    }

    /** @return 0 when an attempt may be tried now, else the seconds to wait (answer 429 with Retry-After) */
    public long retryAfterSeconds(final String login, final String address)
    {
        final long now = clockMillis.getAsLong();
        return seconds(Math.max(waitMillis(failuresOf(userKey(login)), perUser, now), waitMillis(failuresOf(addressKey(address)), perAddress, now)));
    }

    /**
     * Starts an attempt for the name (null: the address alone) from the address (null: the name alone) when neither
     * is locked, backing off, or at its limit with the attempts in flight.
     *
     * @return 0 when the attempt is started (end it with {@link #failed}, {@link #succeeded} or {@link #abandoned}),
     *         else the seconds to wait and nothing was started
     */
    public long tryBegin(final String login, final String address)
    {
        final long now = clockMillis.getAsLong();
        final String user = userKey(login);
        final String from = addressKey(address);
        final long[] wait = new long[1];
        if (user != null)
        {
            entries.compute(user, (k, before) -> begin(before, perUser, now, wait));
        }
        if (wait[0] <= 0 && from != null)
        {
            entries.compute(from, (k, before) -> begin(before, perAddress, now, wait));
            if (wait[0] > 0 && user != null)
            {
                update(user, LoginThrottle::end);
            }
        }
        return seconds(wait[0]);
    }

    /**
     * Counts an attempt that is limited whatever its outcome (a password-reset request, a reset completion) as a failure
     * now, unless the name or address must wait.
     *
     * @return 0 when counted and the attempt may go on, else the seconds to wait
     */
    public long countAttempt(final String login, final String address)
    {
        final long wait = tryBegin(login, address);
        if (wait == 0)
        {
            failed(login, address);
        }
        return wait;
    }

    /** Ends an attempt begun by {@link #tryBegin} as a failure, or counts a failure that was never begun. */
    public void failed(final String login, final String address)
    {
        final long now = clockMillis.getAsLong();
        if (entries.size() > SWEEP_ABOVE)
        {
            entries.values().removeIf(f -> f.inFlight() == 0 && f.expired(now, lockoutMillis));
        }
        count(userKey(login), perUser, now);
        count(addressKey(address), perAddress, now);
    }

    /** Ends an attempt as a success: the name's failures are forgotten, the address's kept. */
    public void succeeded(final String login, final String address)
    {
        update(addressKey(address), LoginThrottle::end);
        update(userKey(login), before -> before.inFlight() > 1 ? new Failures(0, before.inFlight() - 1, 0, 0) : null);
    }

    /** Ends an attempt that was never judged (the hashing workers were busy): it counts for nothing. */
    public void abandoned(final String login, final String address)
    {
        update(userKey(login), LoginThrottle::end);
        update(addressKey(address), LoginThrottle::end);
    }

    private void update(final String key, final UnaryOperator<Failures> change)
    {
        if (key != null)
        {
            entries.computeIfPresent(key, (k, before) -> change.apply(before));
        }
    }

    private Failures begin(final Failures before, final int limit, final long now, final long[] wait)
    {
        if (before == null)
        {
            return new Failures(0, 1, now, 0);
        }
        wait[0] = waitMillis(before, limit, now);
        if (wait[0] > 0)
        {
            return before;
        }
        final boolean fresh = before.expired(now, lockoutMillis);
        return new Failures(fresh ? 0 : before.count(), before.inFlight() + 1, fresh ? now : before.firstMillis(), before.blockedUntilMillis());
    }

    private static Failures end(final Failures before)
    {
        final int inFlight = Math.max(0, before.inFlight() - 1);
        return inFlight == 0 && before.count() == 0 ? null
            : new Failures(before.count(), inFlight, before.firstMillis(), before.blockedUntilMillis());
    }

    private void count(final String key, final int limit, final long now)
    {
        if (key == null)
        {
            return;
        }
        entries.compute(key, (k, before) ->
        {
            final boolean fresh = before == null || before.expired(now, lockoutMillis);
            final int count = fresh ? 1 : before.count() + 1;
            final long first = fresh ? now : before.firstMillis();
            final int inFlight = before == null ? 0 : Math.max(0, before.inFlight() - 1);
            final long blockedUntil;
            if (count >= limit)
            {
                blockedUntil = now + lockoutMillis;
            }
            else if (count > limit / 2)
            {
                blockedUntil = now + Math.min(lockoutMillis, 1000L << Math.min(20, count - limit / 2 - 1));
            }
            else
            {
                blockedUntil = 0;
            }
            return new Failures(count, inFlight, first, blockedUntil);
        });
    }

    /** How long a try must wait against these failures: a lock or a back-off, or the tries in flight at the limit. */
    private long waitMillis(final Failures failures, final int limit, final long now)
    {
        if (failures == null)
        {
            return 0;
        }
        final long blocked = failures.blockedUntilMillis() - now;
        if (blocked > 0)
        {
            return blocked;
        }
        final int count = failures.expired(now, lockoutMillis) ? 0 : failures.count();
        return count + failures.inFlight() >= limit ? IN_FLIGHT_WAIT_MILLIS : 0;
    }

    private Failures failuresOf(final String key)
    {
        return key == null ? null : entries.get(key);
    }

    private static long seconds(final long millis)
    {
        return millis <= 0 ? 0 : (millis + 999) / 1000;
    }

    private static String userKey(final String login)
    {
        // the form accounts are found by: an unknown name in another letter case or Unicode form counts as one, as a known one does
        return login == null ? null : "u:" + Fields.normalLogin(login);
    }

    private static String addressKey(final String address)
    {
        return address == null ? null : "a:" + address;
    }
}
