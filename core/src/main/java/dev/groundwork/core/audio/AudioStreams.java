package dev.groundwork.core.audio;

import java.nio.file.Path;

/** Checks shared by every reader and writer. */
final class AudioStreams {
    private AudioStreams() { }

    static void checkBlock(Path file, AudioBuffer block, int channels) {
        if (block.channels() != channels) {
            throw new IllegalArgumentException(file.getFileName() + ": block has " + block.channels()
                    + " channels but the file has " + channels);
        }
    }
}
