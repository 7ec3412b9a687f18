package dev.groundwork.beat.sound;

/** Drum one-shots by GM note. Hits of one mute group cut each other (open hat choked by closed hat). */
public interface DrumKit {
    /** The sample for a note at a velocity (mono, at the render sample rate), or null if the kit has no such sound. */
    float[] hit(int gmNote, int velocity);

    /** Mute group of a note, or -1 when it rings freely. */
    int muteGroup(int gmNote);

    /** Name shown in reports. */
    String name();
}
