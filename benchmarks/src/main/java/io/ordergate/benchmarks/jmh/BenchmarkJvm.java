package io.ordergate.benchmarks.jmh;

/**
 * JVM flags of every JMH fork, as compile-time constants so {@code @Fork(jvmArgsAppend = ...)} can name them.
 * A fork is a plain {@code java} command line: it does not see the jar manifest's Add-Opens, so Chronicle Queue and
 * Agrona on JDK 17 need them here. {@code BenchmarkJvmTest} checks this list against {@code chronicle.jvm.args} in the parent
 * pom, the one list the build uses everywhere else. Stateless: safe from any thread.
 */
public final class BenchmarkJvm
{
    public static final String EXPORT_REF = "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED";
    public static final String EXPORT_MISC_UNSAFE = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED";
    public static final String EXPORT_NIO = "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED";
    public static final String EXPORT_MISC = "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED";
    public static final String EXPORT_JAVAC_FILE = "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED";
    public static final String OPEN_LANG = "--add-opens=java.base/java.lang=ALL-UNNAMED";
    public static final String OPEN_REFLECT = "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED";
    public static final String OPEN_IO = "--add-opens=java.base/java.io=ALL-UNNAMED";
    public static final String OPEN_UTIL = "--add-opens=java.base/java.util=ALL-UNNAMED";
    public static final String OPEN_NIO = "--add-opens=java.base/java.nio=ALL-UNNAMED";
    public static final String OPEN_NIO_CH = "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED";
    public static final String OPEN_JAVAC = "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED";
    public static final String NO_ANALYTICS = "-Dchronicle.analytics.disable=true";
    public static final String NO_ANNOUNCER = "-Dchronicle.announcer.disable=true";
    /** Small fixed heap: the benchmarks need little, and two forks must fit beside each other on a small machine. */
    public static final String HEAP = "-Xmx1g";
    public static final String HEAP_MIN = "-Xms1g";

    /** The same flags as one list, in the order above, for code that starts JVMs itself. */
    public static final String[] ALL = {
        EXPORT_REF, EXPORT_MISC_UNSAFE, EXPORT_NIO, EXPORT_MISC, EXPORT_JAVAC_FILE,
        OPEN_LANG, OPEN_REFLECT, OPEN_IO, OPEN_UTIL, OPEN_NIO, OPEN_NIO_CH, OPEN_JAVAC,
        NO_ANALYTICS, NO_ANNOUNCER, HEAP, HEAP_MIN,
    };

    private BenchmarkJvm()
    {
    }
}
