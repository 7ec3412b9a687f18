package dev.groundwork.beat.plan;

import java.util.List;

/**
 * What the mood words asked for, as numbers the composer and the sounds use.
 *
 * @param moods         the mood words understood
 * @param density       0..1, how many notes (hats, melody)
 * @param registerShift semitones up (+) or down (-) for chords and melody
 * @param brightness    0..1, filter cut-offs of the synth voices
 * @param drive         0..1, saturation of the 808/bass ("heavy 808", "aggressive")
 */
public record Feel(List<String> moods, double density, int registerShift, double brightness, double drive) {
    public Feel {
        moods = List.copyOf(moods);
        density = Math.max(0, Math.min(1, density));
        brightness = Math.max(0, Math.min(1, brightness));
        drive = Math.max(0, Math.min(1, drive));
        registerShift = Math.max(-12, Math.min(12, registerShift));
    }
}
