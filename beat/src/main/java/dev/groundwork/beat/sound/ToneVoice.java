package dev.groundwork.beat.sound;

/** A pitched instrument that adds one note into a mono buffer. */
public interface ToneVoice {
    /**
     * Adds the note starting at {@code start} (frames, may be negative for wrapped tails) lasting
     * {@code length} frames plus the voice's release, into {@code out}; writes outside the buffer are dropped.
     */
    void render(float[] out, int start, int length, int pitch, int velocity, Integer glideFrom);

    /** Frames the voice keeps sounding after a note ends. */
    int releaseFrames();
}
