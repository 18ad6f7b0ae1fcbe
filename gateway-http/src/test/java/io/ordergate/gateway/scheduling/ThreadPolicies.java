package io.ordergate.gateway.scheduling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The threads of a process as Linux shows them in /proc: kernel name and scheduling policy. Test support. */
public final class ThreadPolicies
{
    /** {@code SCHED_OTHER}: the normal class. */
    public static final int NORMAL = 0;
    /** {@code SCHED_IDLE}. */
    public static final int IDLE = 5;
    /** The policy's place in /proc/PID/task/TID/stat, counting from 1 (proc(5)). */
    private static final int POLICY_FIELD = 41;
    /** The fields before the text after the name's closing parenthesis: pid and (name). */
    private static final int FIELDS_BEFORE_STATE = 2;

    public record Task(int tid, String name, int policy)
    {
    }

    private ThreadPolicies()
    {
    }

    public static boolean linux()
    {
        return Files.isDirectory(Path.of("/proc/self/task"));
    }

    /** Every thread of process {@code pid} still running when listed. */
    public static List<Task> of(final long pid) throws IOException
    {
        final List<Task> tasks = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task")))
        {
            for (final Path dir : dirs)
            {
                try
                {
                    final String stat = Files.readString(dir.resolve("stat"), StandardCharsets.UTF_8);
                    // the name may hold spaces and parentheses: the fields after it start past its last ')'
                    final String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    final String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    tasks.add(new Task(Integer.parseInt(dir.getFileName().toString()), name,
                        Integer.parseInt(after[POLICY_FIELD - FIELDS_BEFORE_STATE - 1])));
                }
                catch (final NoSuchFileException ended)
                {
                    // the thread ended after the listing
                }
            }
        }
        return tasks;
    }
}
