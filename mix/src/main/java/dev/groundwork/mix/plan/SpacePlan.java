package dev.groundwork.mix.plan;

import dev.groundwork.core.dsp.Delay;
import dev.groundwork.core.dsp.Reverb;

/** The shared reverb and delay the stems send to; the send bus is band-limited before the effect so the low end stays dry. */
public record SpacePlan(double reverbDecaySeconds, double reverbPreDelayMs, double reverbDampingHz, double reverbSize,
                        double sendHighPassHz, double sendLowPassHz, String reverbReason,
                        double delayTimeMs, double delayFeedback, double delayLowPassHz, boolean delayPingPong, String delayReason) {
    public Reverb.Settings reverb() { return new Reverb.Settings(reverbDecaySeconds, reverbPreDelayMs, reverbDampingHz, reverbSize); }

    public Delay.Settings delay() { return new Delay.Settings(delayTimeMs, delayFeedback, delayLowPassHz, delayPingPong); }
}
