package dev.groundwork.studio.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groundwork.core.progress.ProgressListener;

/** The body of a background job: runs a job module, reports progress, returns a small JSON result (never audio). */
@FunctionalInterface
public interface JobWork {
    JsonNode run(ProgressListener progress) throws Exception;
}
