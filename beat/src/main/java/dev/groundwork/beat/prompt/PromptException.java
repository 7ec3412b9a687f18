package dev.groundwork.beat.prompt;

/** The prompt asked for something impossible (500 BPM, a 3-hour beat): a usage error, not a failure. */
public final class PromptException extends IllegalArgumentException {
    public PromptException(String message) { super(message); }
}
