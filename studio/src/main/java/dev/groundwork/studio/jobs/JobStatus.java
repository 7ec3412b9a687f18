package dev.groundwork.studio.jobs;

public enum JobStatus { QUEUED, RUNNING, DONE, FAILED }
