package dev.groundwork.beat.plan;

import java.util.Map;
import java.util.TreeMap;

/**
 * The feel, kept apart from the score so it can be changed without touching a note.
 *
 * @param swing            MPC convention: 0.50 straight, 0.66 triplet; every second 16th is late by (swing-0.5)*2 sixteenths
 * @param offsetsMs        per-part push (-) or lay-back (+) in milliseconds
 * @param accent           0..0.5: on-beat hats louder, off-beat softer by this fraction
 * @param humanizeMs       standard deviation of seeded timing jitter
 * @param humanizeVelocity standard deviation of seeded velocity jitter
 * @param seed             seed of the jitter
 */
public record Groove(double swing, Map<String, Double> offsetsMs, double accent, double humanizeMs, double humanizeVelocity, long seed) {
    public Groove {
        if (!(swing >= 0.5 && swing <= 0.75)) throw new IllegalArgumentException("swing must be 0.50..0.75: " + swing);
        if (!(humanizeMs >= 0 && humanizeMs <= 30)) throw new IllegalArgumentException("humanize_ms must be 0..30: " + humanizeMs);
        if (!(accent >= 0 && accent <= 0.5)) throw new IllegalArgumentException("accent must be 0..0.5: " + accent);
        if (!(humanizeVelocity >= 0 && humanizeVelocity <= 30)) throw new IllegalArgumentException("humanize_velocity must be 0..30");
        offsetsMs = new TreeMap<>(offsetsMs == null ? Map.of() : offsetsMs);
    }

    public double offsetMs(String part) { return offsetsMs.getOrDefault(part, 0.0); }

    public Groove withSwing(double s) { return new Groove(s, offsetsMs, accent, humanizeMs, humanizeVelocity, seed); }
}
