package dev.groundwork.studio.jobs;

import dev.groundwork.core.progress.ProgressListener;

import java.util.function.Consumer;

/** Turns a job's many progress calls into at most one event per stage change or per 1 % step. */
final class ProgressThrottle implements ProgressListener {
    private final JobView job;
    private final Consumer<JobView> sink;
    private String stage = "";
    private double last = -1;

    ProgressThrottle(JobView job, Consumer<JobView> sink) {
        this.job = job;
        this.sink = sink;
    }

    @Override
    public synchronized void progress(String stageName, double fraction) {
        double f = Double.isFinite(fraction) ? Math.max(0, Math.min(1, fraction)) : 0;
        if (!stageName.equals(stage) || f - last >= 0.01 || f < last) {
            stage = stageName;
            last = f;
            sink.accept(JobQueue.with(job, JobStatus.RUNNING, stageName, f, null, null));
        }
    }

    synchronized double last() { return Math.max(0, last); }
}
