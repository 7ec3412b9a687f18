package dev.groundwork.core.audio;

import java.nio.file.Path;

/** A file that cannot be read or written; the message is one line naming the file and the problem. */
public class AudioFileException extends RuntimeException {
    public AudioFileException(Path file, String problem) {
        super(file.getFileName() + ": " + problem);
    }

    public AudioFileException(Path file, String problem, Throwable cause) {
        super(file.getFileName() + ": " + problem, cause);
    }
}
