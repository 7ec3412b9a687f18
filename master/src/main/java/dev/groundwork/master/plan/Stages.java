package dev.groundwork.master.plan;

import java.util.Objects;

/** The seven stages in processing order; the record component names are the stable stage codes. */
public record Stages(InspectStage inspect, CleanStage clean, TonalBalanceStage tonalBalance, DynamicsStage dynamics,
                     StereoStage stereo, LoudnessStage loudness, DeliverStage deliver) {
    public Stages {
        Objects.requireNonNull(clean, "stages.clean");
        Objects.requireNonNull(tonalBalance, "stages.tonal_balance");
        Objects.requireNonNull(dynamics, "stages.dynamics");
        Objects.requireNonNull(stereo, "stages.stereo");
        Objects.requireNonNull(loudness, "stages.loudness");
        Objects.requireNonNull(deliver, "stages.deliver");
    }

    public Stages withLoudness(LoudnessStage l) { return new Stages(inspect, clean, tonalBalance, dynamics, stereo, l, deliver); }

    public Stages withDeliver(DeliverStage d) { return new Stages(inspect, clean, tonalBalance, dynamics, stereo, loudness, d); }
}
