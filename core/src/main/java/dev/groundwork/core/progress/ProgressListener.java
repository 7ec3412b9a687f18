package dev.groundwork.core.progress;

/** Long jobs report a stage name and a fraction 0..1; the CLI draws a bar, the studio pushes an event. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (stage, fraction) -> { };

    void progress(String stage, double fraction);
}
