package dev.groundwork.cli;

/** A mistake in how a command was called (exit status 2), as opposed to a failure while working (1). */
public final class UsageException extends RuntimeException {
    public UsageException(String message) { super(message); }
}
