package dev.groundwork.core.audio;

/**
 * Writes blocks to a temporary file in the destination's folder; {@link #commit()} moves it into place.
 * Closing without commit deletes the temporary file, so a failure never leaves a half file under the real name.
 */
public interface AudioStreamWriter extends AutoCloseable {
    void write(AudioBuffer block);

    void commit();

    @Override
    void close();
}
