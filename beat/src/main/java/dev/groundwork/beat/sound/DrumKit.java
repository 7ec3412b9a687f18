package dev.groundwork.beat.sound;

/** Drum one-shots by GM note. Hits of one mute group cut each other (open hat choked by closed hat). */
public interface DrumKit {
    /** The sample for a note at a velocity (mono, at the render sample rate), or null if the kit has no such sound. */
    float[] hit(int gmNote, int velocity);

    /**
     * The sample a hit plays before its velocity gain, shared between hits (never modify it), so a renderer need
     * not copy it per hit: {@code hit(n, v)[i] == sample(n, v)[i] * velocityGain(n, v)}.
     */
    default float[] sample(int gmNote, int velocity) { return hit(gmNote, velocity); }

    /** The gain {@link #sample} is played with at this velocity. */
    default float velocityGain(int gmNote, int velocity) { return 1f; }

    /** Mute group of a note, or -1 when it rings freely. */
    int muteGroup(int gmNote);

    /** Name shown in reports. */
    String name();
}
