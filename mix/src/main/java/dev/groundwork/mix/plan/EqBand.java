package dev.groundwork.mix.plan;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.groundwork.core.dsp.Biquad;
import dev.groundwork.core.dsp.BiquadDesign;

import java.util.Locale;

/**
 * One EQ band as a DAW shows it (type, frequency, gain, Q) with the reason it is there. The frequency is written as
 * {@code frequency_hz}, as in master's plans; plans written before read back from {@code freq_hz}.
 */
public record EqBand(Type type, @JsonProperty("frequency_hz") @JsonAlias("freq_hz") double freqHz, double gainDb, double q, String reason) {
    public enum Type {
        HIGH_PASS, LOW_SHELF, HIGH_SHELF, BELL, LOW_PASS;

        @JsonValue
        public String id() { return name().toLowerCase(Locale.ROOT); }

        @JsonCreator
        public static Type parse(String s) { return valueOf(s.trim().toUpperCase(Locale.ROOT)); }
    }

    public EqBand {
        if (!(freqHz >= 10 && freqHz <= 24000)) throw new IllegalArgumentException("EQ frequency out of range: " + freqHz);
        if (!(q >= 0.1 && q <= 20)) throw new IllegalArgumentException("EQ Q out of range: " + q);
        if (!(gainDb >= -24 && gainDb <= 24)) throw new IllegalArgumentException("EQ gain out of range: " + gainDb);
    }

    /** Coefficients at a sample rate; bands above 0.45 fs are clamped (they act as a gentle high shelf there). */
    public Biquad.Coefficients coefficients(double fs) {
        double f = Math.min(freqHz, 0.45 * fs);
        return switch (type) {
            case HIGH_PASS -> BiquadDesign.highPass(fs, f, q);
            case LOW_PASS -> BiquadDesign.lowPass(fs, f, q);
            case LOW_SHELF -> BiquadDesign.lowShelf(fs, f, q, gainDb);
            case HIGH_SHELF -> BiquadDesign.highShelf(fs, f, q, gainDb);
            case BELL -> BiquadDesign.peaking(fs, f, q, gainDb);
        };
    }
}
