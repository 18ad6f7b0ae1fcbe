package io.ordergate.gateway.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

/**
 * {@link IdleClassThreads} on this JVM: the threads its names choose go to {@code SCHED_IDLE}, no other does, and its
 * names for the JVM's compiler threads are the ones the kernel shows. (Only a thread of the test's own is moved: this
 * JVM's compilers stay in the normal class for the tests after it.)
 */
class IdleClassThreadsTest
{
    private static final String NAME = "og-test-idle";

    @Test
    void movesTheThreadsItsPredicateChoosesAndNoOther() throws Exception
    {
        assumeTrue(ThreadPolicies.linux(), "scheduling classes are Linux's");
        final CountDownLatch end = new CountDownLatch(1);
        final CountDownLatch started = new CountDownLatch(1);
        final Thread chosen = new Thread(() ->
        {
            started.countDown();
            awaitQuietly(end);
        }, NAME);
        chosen.start();
        try
        {
            started.await();
            final IdleClassThreads.Outcome outcome = IdleClassThreads.move(NAME::equals);
            assertEquals(List.of(NAME), outcome.moved(), outcome::describe);
            assertEquals(List.of(), outcome.refused(), outcome::describe);
            final List<ThreadPolicies.Task> tasks = ThreadPolicies.of(ProcessHandle.current().pid());
            for (final ThreadPolicies.Task task : tasks)
            {
                assertEquals(task.name().equals(NAME) ? ThreadPolicies.IDLE : ThreadPolicies.NORMAL, task.policy(), task::toString);
            }
            assertEquals(1, tasks.stream().filter(task -> task.name().equals(NAME)).count(), tasks::toString);
        }
        finally
        {
            end.countDown();
            chosen.join();
        }
    }

    @Test
    void knowsThisJvmsCompilerThreadsByTheNamesTheKernelShows() throws Exception
    {
        assumeTrue(ThreadPolicies.linux(), "scheduling classes are Linux's");
        final List<String> background = ThreadPolicies.of(ProcessHandle.current().pid()).stream()
            .map(ThreadPolicies.Task::name).filter(IdleClassThreads::isJvmBackground).toList();
        assertTrue(background.stream().anyMatch(name -> name.startsWith("C2 CompilerThre")), background::toString);
        assertTrue(background.stream().anyMatch(name -> name.startsWith("C1 CompilerThre")), background::toString);
        assertTrue(!IdleClassThreads.isJvmBackground("og-http-worker-") && !IdleClassThreads.isJvmBackground("ZWorker#0"));
    }

    private static void awaitQuietly(final CountDownLatch latch)
    {
        try
        {
            latch.await();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
