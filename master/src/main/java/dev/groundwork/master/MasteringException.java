package dev.groundwork.master;

/** Material that cannot be mastered (silence, too short); the message is one line saying why and what to do. */
public class MasteringException extends RuntimeException {
    public MasteringException(String message) {
        super(message);
    }
}
