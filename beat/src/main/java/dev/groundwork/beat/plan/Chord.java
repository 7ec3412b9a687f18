package dev.groundwork.beat.plan;

import java.util.List;

/**
 * The harmony of one bar: a scale degree of the key and the pitch classes that sound.
 *
 * @param degree       0-based scale degree (0 = tonic)
 * @param root         pitch class of the root (C = 0), after any section transposition
 * @param pitchClasses chord tones, root first
 * @param chromatic    pitch classes borrowed from outside the key (e.g. the leading tone of V in minor)
 */
public record Chord(int bar, String symbol, int degree, int root, List<Integer> pitchClasses, List<Integer> chromatic) {
    public Chord {
        pitchClasses = List.copyOf(pitchClasses);
        chromatic = List.copyOf(chromatic);
    }

    public boolean contains(int pitch) { return pitchClasses.contains(Math.floorMod(pitch, 12)); }

    public boolean isChromatic(int pitch) { return chromatic.contains(Math.floorMod(pitch, 12)); }
}
