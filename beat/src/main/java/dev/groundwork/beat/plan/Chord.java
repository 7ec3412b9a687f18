package dev.groundwork.beat.plan;

import java.util.List;

/**
 * The harmony from a point in a bar to the next chord: a scale degree of the key and the pitch classes that sound.
 *
 * @param beat         where in the bar the chord starts, in quarter notes (0, or half a bar in a turnaround)
 * @param degree       0-based scale degree (0 = tonic)
 * @param root         pitch class of the root (C = 0), after any section transposition
 * @param pitchClasses chord tones, root first
 * @param chromatic    pitch classes borrowed from outside the key (e.g. the leading tone of V in minor)
 */
public record Chord(int bar, double beat, String symbol, int degree, int root, List<Integer> pitchClasses, List<Integer> chromatic) {
    public Chord {
        pitchClasses = List.copyOf(pitchClasses);
        chromatic = List.copyOf(chromatic);
    }

    /** The chord sounding at a point of a bar in a list ordered by bar and beat (the first chord before it starts). */
    public static Chord at(List<Chord> chords, int bar, double beatInBar) {
        int lo = 0, hi = chords.size() - 1, found = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Chord c = chords.get(mid);
            boolean started = c.bar < bar || (c.bar == bar && c.beat <= beatInBar + 1e-9);
            if (started) { found = mid; lo = mid + 1; } else hi = mid - 1;
        }
        return chords.get(found);
    }

    public boolean contains(int pitch) { return pitchClasses.contains(Math.floorMod(pitch, 12)); }

    public boolean isChromatic(int pitch) { return chromatic.contains(Math.floorMod(pitch, 12)); }
}
