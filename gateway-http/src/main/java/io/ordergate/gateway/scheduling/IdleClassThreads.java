package io.ordergate.gateway.scheduling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import jnr.ffi.LibraryLoader;
import jnr.ffi.annotations.In;

/**
 * Puts threads of this JVM in Linux's idle scheduling class ({@code SCHED_IDLE}), chosen by the name the kernel shows
 * for them. The gateway's main does it to the JVM's JIT compiler and housekeeping threads once it has started
 * ({@code server.background_threads: idle}), the load generator to its own after its warm-up.
 *
 * <p>Why: on a 2-vCPU host a C2 compilation runs 2-5 ms without a switch, and an event loop woken meanwhile waited
 * behind it for the rest of its time slice, often with the other vCPU idle (`perf sched`, docs/PERFORMANCE.md,
 * "Compilers in the idle class"). A woken normal thread preempts an idle-class thread at once, and the scheduler counts
 * a core that runs only idle-class threads as idle when it places a woken thread. The compilers still run on the CPU
 * time nothing else wants (and on a tiny share when there is none), so a late compilation is slower, never lost. A
 * thread may always lower its own class: no privilege is needed. Compiler threads the JVM adds later are started by a
 * compiler thread and inherit its class.
 */
public final class IdleClassThreads
{
    /** {@code SCHED_IDLE} in Linux's sched.h. */
    static final int SCHED_IDLE = 5;
    /**
     * The JVM's JIT compilers, its code cache sweeper, periodic task and monitor deflation, as /proc names them (a
     * thread's name cut to 15 bytes). Not the collector's threads: a starved collector would stall allocating threads.
     */
    private static final List<String> JVM_BACKGROUND = List.of(
        "C1 CompilerThre", "C2 CompilerThre", "Sweeper thread", "VM Periodic Tas", "Monitor Deflati");
    private static final Path TASKS = Path.of("/proc/self/task");

    /** What a move did: threads moved, and why any could not be (empty when all were). */
    public record Outcome(List<String> moved, List<String> refused)
    {
        public String describe()
        {
            return moved.size() + " threads in the idle scheduling class (" + String.join(", ", moved) + ")"
                + (refused.isEmpty() ? "" : "; not moved: " + String.join("; ", refused));
        }
    }

    /** The C library's calls, bound by jnr-ffi (the binding Chronicle's posix library already loads) under Java names. */
    public interface CLibrary
    {
        /** sched_setscheduler(2): {@code param} is a struct sched_param, one int (the priority, 0 in the idle class). */
        int schedSetscheduler(int tid, int policy, @In int[] param);

        String strerror(int errnum);
    }

    private IdleClassThreads()
    {
    }

    /** Whether {@code name} (as /proc shows it) is one of the JVM's compiler or housekeeping threads. */
    public static boolean isJvmBackground(final String name)
    {
        return JVM_BACKGROUND.stream().anyMatch(name::startsWith);
    }

    /** The JVM's compiler and housekeeping threads into the idle class. */
    public static Outcome moveJvmBackgroundThreads()
    {
        return move(IdleClassThreads::isJvmBackground);
    }

    /**
     * Every thread of this JVM whose kernel name {@code byName} accepts into the idle class; the ones that cannot be
     * moved (not Linux, no C library binding, a refusal) are named in the outcome, never thrown.
     */
    public static Outcome move(final Predicate<String> byName)
    {
        final List<String> moved = new ArrayList<>();
        final List<String> refused = new ArrayList<>();
        if (!Files.isDirectory(TASKS))  // Linux's list of this process's threads: elsewhere, no Linux scheduling classes either
        {
            refused.add("no " + TASKS + ": scheduling classes are Linux's (os.name " + System.getProperty("os.name") + ")");
            return new Outcome(moved, refused);
        }
        final CLibrary libc;
        try
        {
            libc = LibraryLoader.create(CLibrary.class).map("schedSetscheduler", "sched_setscheduler").load("c");
        }
        catch (final LinkageError | RuntimeException ex)
        {
            refused.add("the C library could not be bound: " + ex);
            return new Outcome(moved, refused);
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS))
        {
            for (final Path task : tasks)
            {
                final String name = nameOf(task);
                if (name != null && byName.test(name))
                {
                    final int tid = Integer.parseInt(task.getFileName().toString());
                    if (libc.schedSetscheduler(tid, SCHED_IDLE, new int[] {0}) == 0)
                    {
                        moved.add(name);
                    }
                    else
                    {
                        refused.add(name + ": " + libc.strerror(jnr.ffi.Runtime.getRuntime(libc).getLastError()));
                    }
                }
            }
        }
        catch (final IOException ex)
        {
            refused.add("cannot list " + TASKS + ": " + ex.getMessage());
        }
        return new Outcome(moved, refused);
    }

    /** The thread's kernel name, or null when it ended since the listing. */
    private static String nameOf(final Path task)
    {
        try
        {
            final String line = new String(Files.readAllBytes(task.resolve("comm")), StandardCharsets.UTF_8);
            return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        }
        catch (final IOException ex)
        {
            return null;
        }
    }
}
