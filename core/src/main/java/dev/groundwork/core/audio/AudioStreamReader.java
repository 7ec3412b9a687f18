package dev.groundwork.core.audio;

/** Reads a file block by block, so memory does not grow with the length of the file. */
public interface AudioStreamReader extends AutoCloseable {
    AudioFileInfo info();

    /**
     * Fills {@code block} (whose channel count must match the file) from frame 0 up to its capacity,
     * sets its valid frame count, and returns the number of frames read; 0 at the end of the file.
     */
    int read(AudioBuffer block);

    @Override
    void close();
}
