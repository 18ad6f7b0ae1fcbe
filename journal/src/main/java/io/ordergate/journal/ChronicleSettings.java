package io.ordergate.journal;

/**
 * Called once by {@link Journal}'s static initialiser, and by any {@code main} that touches Chronicle classes
 * before it loads {@link Journal}: quiets Chronicle before its first class initialises.
 *
 * <p>Chronicle reads these as system properties in its static initialisers, so they only take effect when set
 * before the first Chronicle class is initialised. Every property here exists in the Chronicle version we ship
 * (checked against the bytecode of chronicle-core 2026.5 / chronicle-queue 2026.4):
 * <ul>
 *   <li>{@code chronicle.analytics.disable=true}: no usage analytics sent to Google (forced, never overridable);</li>
 *   <li>{@code chronicle.announcer.disable=true}: no start-up banner with the logo and a mailing-list plug;</li>
 *   <li>{@code jvm.resource.tracing=false}: no stack trace captured per created resource (and no warning about it);</li>
 *   <li>{@code queue.force.unlock.mode=ALWAYS}: a write lock still held after the queue's timeout is taken over.
 *       Chronicle's default takes it over only when the pid in the lock is dead, but a restarted container often
 *       gets the pid of the process that was killed (pid 1), and then the journal could never append again. Safe
 *       because {@link Journal} holds an OS lock on its directory, so no other live writer can exist.</li>
 * </ul>
 * All but the first are set only when absent, so an operator's {@code -D} wins. Deliberately not set:
 * {@code disable.single.threaded.check} (it catches an appender used from the wrong thread) and
 * {@code chronicle.disk.monitor.disable} (the disk monitor warns before the journal's disk fills up).
 */
public final class ChronicleSettings
{
    public static final String ANALYTICS_DISABLE_PROP_NAME = "chronicle.analytics.disable";
    public static final String ANNOUNCER_DISABLE_PROP_NAME = "chronicle.announcer.disable";
    public static final String RESOURCE_TRACING_PROP_NAME = "jvm.resource.tracing";
    public static final String FORCE_UNLOCK_MODE_PROP_NAME = "queue.force.unlock.mode";

    private ChronicleSettings()
    {
    }

    /** Idempotent; cheap. */
    public static void apply()
    {
        System.setProperty(ANALYTICS_DISABLE_PROP_NAME, "true");
        setIfAbsent(ANNOUNCER_DISABLE_PROP_NAME, "true");
        setIfAbsent(RESOURCE_TRACING_PROP_NAME, "false");
        setIfAbsent(FORCE_UNLOCK_MODE_PROP_NAME, "ALWAYS");
    }

    private static void setIfAbsent(final String name, final String value)
    {
        if (System.getProperty(name) == null)
        {
            System.setProperty(name, value);
        }
    }
}
