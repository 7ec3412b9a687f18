package dev.groundwork.studio.jobs;

import com.fasterxml.jackson.databind.JsonNode;

/** What the page sees of a job (sent as a server-sent event on every change). */
public record JobView(String id, String project, String page, String label, JobStatus status, String stage,
                      double fraction, String error, JsonNode result) { }
