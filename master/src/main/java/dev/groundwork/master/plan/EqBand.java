package dev.groundwork.master.plan;

import dev.groundwork.core.dsp.Biquad;
import dev.groundwork.core.dsp.BiquadDesign;

/** One EQ band: {@code low_shelf}, {@code peak} or {@code high_shelf}. */
public record EqBand(String type, double frequencyHz, double q, double gainDb) {
    public EqBand {
        if (!(type.equals("low_shelf") || type.equals("peak") || type.equals("high_shelf"))) throw new IllegalArgumentException("EQ band type must be low_shelf, peak or high_shelf, not " + type);
        if (!(frequencyHz >= 10 && frequencyHz <= 24000)) throw new IllegalArgumentException("EQ frequency must be in [10, 24000] Hz, not " + frequencyHz);
        if (!(q >= 0.1 && q <= 10)) throw new IllegalArgumentException("EQ Q must be in [0.1, 10], not " + q);
        if (!(gainDb >= -12 && gainDb <= 12)) throw new IllegalArgumentException("EQ gain must be in [-12, 12] dB, not " + gainDb);
    }

    /** This band's biquad at sample rate {@code fs}: the one design both the renderer and the planner use. */
    public Biquad.Coefficients coefficients(double fs) {
        return design(type, fs, frequencyHz, q, gainDb);
    }

    /** The biquad of a band of this {@code type} (unvalidated parameters, for the planner's unit-gain readings). */
    public static Biquad.Coefficients design(String type, double fs, double hz, double q, double gainDb) {
        return switch (type) {
            case "low_shelf" -> BiquadDesign.lowShelf(fs, hz, q, gainDb);
            case "high_shelf" -> BiquadDesign.highShelf(fs, hz, q, gainDb);
            default -> BiquadDesign.peaking(fs, hz, q, gainDb);
        };
    }
}
