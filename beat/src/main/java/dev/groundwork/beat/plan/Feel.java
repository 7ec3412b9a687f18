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
 * @param medium        {@link #VINYL_TAPE} or {@link #CLEAN}; null in plans written before it was recorded
 * @param glide         0..1, the share of the bass's pitch changes that slide from the previous note ("808 slides");
 *                      null for the genre's own (trap 0.35, UK drill 0.55, other 808s 0.2, drum and bass 0.3, else 0)
 */
public record Feel(List<String> moods, double density, int registerShift, double brightness, double drive, String medium, Double glide) {
    /** The share of bass pitch changes that slide when the prompt asks for slides ("808 slides", "sliding 808s"). */
    public static final double SLIDES = 0.7;

    /** The worn-record medium: vinyl bed on the chords, tape wow on the pitched parts, a dull top end. */
    public static final String VINYL_TAPE = "vinyl_tape";
    public static final String CLEAN = "clean";

    /**
     * Mood words the part writers honour beyond the numbers (kept in {@link #moods}, so a part written again from the plan
     * honours them too): "melodic" (a busier melody), "rolling" (hat rolls in trap and drill; a rolling break and bass in
     * drum and bass; ghosted 16ths between the hats elsewhere), "hypnotic" (one pattern and one phrase repeated, fills
     * only where sections change).
     */
    public static final String MELODIC = "melodic", ROLLING = "rolling", HYPNOTIC = "hypnotic";

    public boolean melodic() { return moods.contains(MELODIC); }

    public boolean rolling() { return moods.contains(ROLLING); }

    public boolean hypnotic() { return moods.contains(HYPNOTIC); }

    public Feel {
        moods = List.copyOf(moods);
        density = Math.max(0, Math.min(1, density));
        brightness = Math.max(0, Math.min(1, brightness));
        drive = Math.max(0, Math.min(1, drive));
        registerShift = Math.max(-12, Math.min(12, registerShift));
        if (glide != null && !(glide >= 0 && glide <= 1)) throw new IllegalArgumentException("feel.glide must be 0..1, got " + glide);
        // null: a plan written before the medium was recorded; the renderer then uses the genre's default
        if (medium != null && !medium.equals(VINYL_TAPE) && !medium.equals(CLEAN)) {
            throw new IllegalArgumentException("feel.medium must be \"" + VINYL_TAPE + "\" or \"" + CLEAN + "\", got \"" + medium + "\"");
        }
    }
}
