package dev.groundwork.mix.plan;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynamicsRulesTest {
    @Test
    void theExpectedReductionIsThePowerWeightedMeanOfTheStaticCurve() {
        // One window 10 dB over a -20 dB threshold at 2:1 (5 dB of reduction), one 10 dB under it (none).
        float[] levels = {-10, -30};
        assertEquals(0.1 * 5 / 0.101, DynamicsRules.expectedReduction(levels, -20, 2, -40), 1e-9);
        // Every window turned down alike: the reduction itself; nothing over the threshold: none.
        float[] steady = {-10, -10, -10};
        assertEquals(5, DynamicsRules.expectedReduction(steady, -20, 2, -40), 1e-9);
        assertEquals(0, DynamicsRules.expectedReduction(steady, 0, 2, -40), 1e-12);
    }

    @Test
    void theSimulatedCompressorTakesTheStaticReductionFromASteadyToneButLetsShortHitsThrough() {
        double hop = 128 / 44100.0;
        int n = (int) (10 / hop);
        float[] det = new float[n], energy = new float[n];
        java.util.Arrays.fill(det, 0.1f);                 // -10 dB into a -20 dB threshold at 2:1: 5 dB
        java.util.Arrays.fill(energy, 1f);
        var steady = new dev.groundwork.mix.analysis.StemProfile.Envelope(hop, det, energy);
        assertEquals(5.0, DynamicsRules.simulatedLoudnessLoss(steady, -20, 2, 6, 15, 150, 10), 0.02);

        // One 3 ms hit a second at -10 dB over a quiet bed at -40 dB: the 15 ms attack lets most of each hit through.
        float[] hd = new float[n], he = new float[n];
        for (int i = 0; i < n; i++) {
            boolean hit = i % (int) Math.round(1 / hop) == 0;
            hd[i] = hit ? 0.1f : 1e-4f;
            he[i] = hd[i];
        }
        var hits = new dev.groundwork.mix.analysis.StemProfile.Envelope(hop, hd, he);
        double loss = DynamicsRules.simulatedLoudnessLoss(hits, -20, 2, 6, 15, 150, 10);
        assertTrue(loss > 0 && loss < 1.0, "a static curve would take 5 dB from the hits; the compressor takes " + loss);
    }
}
