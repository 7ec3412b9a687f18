package dev.groundwork.studio.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groundwork.studio.ApiError;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Long jobs run here, in the background: a fixed number at once and a bounded queue behind them, so a
 * page that clicks too often gets a clear "busy" answer instead of a machine that swaps to death.
 * Every change of a job is pushed to all tabs through the {@link EventHub}.
 */
public final class JobQueue implements AutoCloseable {
    private static final int KEEP_FINISHED = 50;

    private final ThreadPoolExecutor executor;
    private final EventHub events;
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, JobView> jobs = new LinkedHashMap<>();

    public JobQueue(int parallel, int queued, EventHub events) {
        this.events = events;
        this.executor = new ThreadPoolExecutor(parallel, parallel, 30, TimeUnit.SECONDS,
                queued == 0 ? new java.util.concurrent.SynchronousQueue<>() : new ArrayBlockingQueue<>(queued),
                r -> {
                    Thread t = new Thread(r, "studio-job");
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * Queues a job and returns its first view. {@code onDone} runs on the job thread with the result
     * before the job is announced as done (e.g. to log the decision), so the page never sees a done job
     * whose effect is missing.
     */
    public JobView submit(String project, String page, String label, JobWork work, Consumer<JsonNode> onDone) {
        String id = "job-" + ids.incrementAndGet();
        JobView queued = new JobView(id, project, page, label, JobStatus.QUEUED, "queued", 0, null, null);
        update(queued);
        try {
            executor.execute(() -> runJob(queued, work, onDone));
        } catch (RejectedExecutionException e) {
            synchronized (this) { jobs.remove(id); }
            throw new ApiError(429, "the studio is busy (" + executor.getActiveCount() + " jobs running, "
                    + executor.getQueue().size() + " waiting); try again when one finishes");
        }
        return queued;
    }

    private void runJob(JobView q, JobWork work, Consumer<JsonNode> onDone) {
        ProgressThrottle progress = new ProgressThrottle(q, this::update);
        update(with(q, JobStatus.RUNNING, "starting", 0, null, null));
        try {
            JsonNode result = work.run(progress);
            if (onDone != null) onDone.accept(result);
            update(with(q, JobStatus.DONE, "done", 1, null, result));
        } catch (Throwable t) {
            String msg = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
            if (t instanceof OutOfMemoryError) msg = "out of memory; start the studio with more heap (JAVA_OPTS=-Xmx4g)";
            update(with(q, JobStatus.FAILED, "failed", progress.last(), msg.replace('\n', ' '), null));
        }
    }

    static JobView with(JobView v, JobStatus s, String stage, double fraction, String error, JsonNode result) {
        return new JobView(v.id(), v.project(), v.page(), v.label(), s, stage, fraction, error, result);
    }

    private void update(JobView v) {
        synchronized (this) {
            jobs.put(v.id(), v);
            if (jobs.size() > KEEP_FINISHED) {
                jobs.values().stream().filter(j -> j.status() == JobStatus.DONE || j.status() == JobStatus.FAILED)
                        .findFirst().ifPresent(j -> jobs.remove(j.id()));
            }
        }
        events.broadcast("job", v);
    }

    public synchronized List<JobView> list() { return new ArrayList<>(jobs.values()); }

    public synchronized JobView get(String id) {
        JobView v = jobs.get(id);
        if (v == null) throw ApiError.notFound("no job " + id);
        return v;
    }

    public Collection<JobView> snapshot() { return list(); }

    /** Waits for running jobs a little, then stops. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
