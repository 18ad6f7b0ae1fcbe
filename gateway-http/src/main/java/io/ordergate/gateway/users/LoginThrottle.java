package io.ordergate.gateway.users;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Limits failed logins per login name (known or not: an unknown name is limited the same, so the limit tells
 * nothing) and per source address. Past half the limit each further failure doubles a wait before the next try
 * (back-off); at the limit the name or address is locked for {@code auth.login_lockout_seconds}. A success clears
 * the name's count, never the address's (one's own good password must not reset an attack from the same place).
 * Kept in memory: a restart forgets it. Thread safe: entries are immutable and replaced atomically.
 */
public final class LoginThrottle
{
    /** Past this many remembered names and addresses, expired ones are swept out on the next failure. */
    private static final int SWEEP_ABOVE = 100_000;

    private final Map<String, Failures> entries = new ConcurrentHashMap<>();
    private final LongSupplier clockMillis;
    private final int perUser;
    private final int perAddress;
    private final long lockoutMillis;

    private record Failures(int count, long firstMillis, long blockedUntilMillis)
    {
    }

    public LoginThrottle(final LongSupplier clockMillis, final int perUser, final int perAddress, final int lockoutSeconds)
    {
        this.clockMillis = clockMillis;
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.lockoutMillis = lockoutSeconds * 1000L;
    }

    /** @return 0 when a login may be tried now, else the seconds to wait (answer 429 with Retry-After) */
    public long retryAfterSeconds(final String login, final String address)
    {
        final long now = clockMillis.getAsLong();
        final long wait = Math.max(waitMillis(userKey(login), now), waitMillis(addressKey(address), now));
        return wait <= 0 ? 0 : (wait + 999) / 1000;
    }

    public void failed(final String login, final String address)
    {
        final long now = clockMillis.getAsLong();
        if (entries.size() > SWEEP_ABOVE)
        {
            entries.values().removeIf(f -> now - f.firstMillis() > lockoutMillis && f.blockedUntilMillis() <= now);
        }
        count(userKey(login), perUser, now);
        if (address != null)
        {
            count(addressKey(address), perAddress, now);
        }
    }

    public void succeeded(final String login)
    {
        entries.remove(userKey(login));
    }

    private void count(final String key, final int limit, final long now)
    {
        entries.compute(key, (k, before) ->
        {
            final boolean fresh = before == null || (now - before.firstMillis() > lockoutMillis && before.blockedUntilMillis() <= now);
            final int count = fresh ? 1 : before.count() + 1;
            final long first = fresh ? now : before.firstMillis();
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
            return new Failures(count, first, blockedUntil);
        });
    }

    private long waitMillis(final String key, final long now)
    {
        final Failures failures = key == null ? null : entries.get(key);
        return failures == null ? 0 : failures.blockedUntilMillis() - now;
    }

    private static String userKey(final String login)
    {
        return "u:" + (login == null ? "" : login.toLowerCase(Locale.ROOT));
    }

    private static String addressKey(final String address)
    {
        return address == null ? null : "a:" + address;
    }
}
