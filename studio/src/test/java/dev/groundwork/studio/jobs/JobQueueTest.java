package dev.groundwork.studio.jobs;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.groundwork.studio.ApiError;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobQueueTest {
    @Test
    void onlyTheConfiguredNumberOfJobsRunAndTheQueueIsBounded() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger(), maxRunning = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(3);
        CountDownLatch twoStarted = new CountDownLatch(2);
        try (JobQueue q = new JobQueue(2, 1, new EventHub())) {
            for (int i = 0; i < 3; i++) {
                q.submit("p", "master", "job " + i, progress -> {
                    maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                    twoStarted.countDown();
                    release.await();
                    running.decrementAndGet();
                    return IntNode.valueOf(1);
                }, r -> done.countDown());
            }
            ApiError busy = assertThrows(ApiError.class, () -> q.submit("p", "master", "one too many", p -> null, null));
            assertEquals(429, busy.status());
            assertTrue(busy.getMessage().contains("busy"), busy.getMessage());
            assertTrue(twoStarted.await(10, TimeUnit.SECONDS));
            Thread.sleep(100); // the third, queued job must not have started meanwhile
            assertEquals(2, running.get());
            release.countDown();
            assertTrue(done.await(10, TimeUnit.SECONDS));
            assertEquals(2, maxRunning.get());
        }
    }

    @Test
    void aFailingJobReportsItsMessageAndDoesNotRunItsEffect() throws Exception {
        AtomicInteger effects = new AtomicInteger();
        try (JobQueue q = new JobQueue(1, 4, new EventHub())) {
            JobView v = q.submit("p", "mix", "broken", progress -> {
                progress.progress("analyse", 0.5);
                throw new IllegalStateException("stem kick.wav is silent");
            }, r -> effects.incrementAndGet());
            JobView end = null;
            for (int i = 0; i < 500 && (end == null || end.status() != JobStatus.FAILED); i++) {
                Thread.sleep(10);
                end = q.get(v.id());
            }
            assertEquals(JobStatus.FAILED, end.status());
            assertEquals("stem kick.wav is silent", end.error());
            assertEquals(0.5, end.fraction(), 1e-9);
            assertEquals(0, effects.get());
        }
    }
}
