package io.ordergate.journal;

/**
 * Called once by {@link Journal}'s static initialiser, and by any {@code main} that touches Chronicle classes
 * before it loads {@link Journal}: quiets Chronicle before its first class initialises.
 *
 * <p>Chronicle reads these as system properties in its static initialisers, so they only take effect when set
 * before the first Chronicle class is initialised. Every property here exists in the Chronicle version we ship
 * (checked against the bytecode of chronicle-core 2.27ea9 / chronicle-queue 5.27ea11):
 * <ul>
 *   <li>{@code chronicle.analytics.disable=true}: no usage analytics sent to Google (forced, never overridable);</li>
 *   <li>{@code chronicle.announcer.disable=true}: no start-up banner with the logo and a mailing-list plug;</li>
 *   <li>{@code jvm.resource.tracing=false}: no stack trace captured per created resource (and no warning about it).</li>
 * </ul>
 * The last two are set only when absent, so an operator's {@code -D} wins. Deliberately not set:
 * {@code disable.single.threaded.check} (it catches an appender used from the wrong thread) and
 * {@code chronicle.disk.monitor.disable} (the disk monitor warns before the journal's disk fills up).
 */
public final class ChronicleSettings {
    public static final String ANALYTICS_DISABLE_PROP_NAME = "chronicle.analytics.disable";
    public static final String ANNOUNCER_DISABLE_PROP_NAME = "chronicle.announcer.disable";
    public static final String RESOURCE_TRACING_PROP_NAME = "jvm.resource.tracing";

    private ChronicleSettings() {
    }

    /** Idempotent; cheap. */
    public static void apply() {
        System.setProperty(ANALYTICS_DISABLE_PROP_NAME, "true");
        setIfAbsent(ANNOUNCER_DISABLE_PROP_NAME, "true");
        setIfAbsent(RESOURCE_TRACING_PROP_NAME, "false");
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}
