package dev.groundwork.beat.plan;

/** What a part does in the beat; drums are unpitched (GM notes on channel 10). */
public enum Role {
    DRUMS, BASS, CHORDS, MELODY;

    public boolean pitched() { return this != DRUMS; }
}
