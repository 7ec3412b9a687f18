package dev.groundwork.core.analysis;

/**
 * A tempo found in an onset envelope.
 *
 * @param bpm        the beat rate, 40..240
 * @param confidence 0 (no periodicity to speak of) … 1 (a steady pulse that stands well above every other candidate)
 * @param periodicity the comb score of the chosen tempo: mean normalised autocorrelation at 1–4 beat periods
 */
public record TempoEstimate(double bpm, double confidence, double periodicity) {
    /** Confident enough to time effects to (a delay, a project tempo). */
    public static final double CONFIDENT = 0.5;

    public boolean confident() { return confidence >= CONFIDENT; }
}
