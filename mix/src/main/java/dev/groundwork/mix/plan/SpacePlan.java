package dev.groundwork.mix.plan;

import dev.groundwork.core.dsp.Delay;
import dev.groundwork.core.dsp.Reverb;

/**
 * The shared reverb and delay the stems send to; the send bus is band-limited before the effect so the low end stays dry.
 * {@code tempoBpm} is the tempo the delay time follows (set by the producer, estimated from the drums, or null when
 * neither: then 120 is assumed), and {@code tempoReason} says which.
 */
public record SpacePlan(double reverbDecaySeconds, double reverbPreDelayMs, double reverbDampingHz, double reverbSize,
                        double sendHighPassHz, double sendLowPassHz, String reverbReason,
                        double delayTimeMs, double delayFeedback, double delayLowPassHz, boolean delayPingPong, String delayReason,
                        Double tempoBpm, String tempoReason) {
    public Reverb.Settings reverb() { return new Reverb.Settings(reverbDecaySeconds, reverbPreDelayMs, reverbDampingHz, reverbSize); }

    public Delay.Settings delay() { return new Delay.Settings(delayTimeMs, delayFeedback, delayLowPassHz, delayPingPong); }

    /** The project tempo for DAW exports: the plan's tempo, or 120 BPM when it has none. */
    public double projectTempoBpm() { return tempoBpm == null ? 120 : tempoBpm; }
}
