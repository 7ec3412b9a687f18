package dev.groundwork.mix.plan;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynamicsRulesTest {
    @Test
    void makeUpIsThePowerMeanLossNotTheMeanReduction() {
        // One window 10 dB over a -20 dB threshold at 2:1 (5 dB of reduction), one 10 dB under it (none).
        float[] levels = {-10, -30};
        double mean = DynamicsRules.expectedReduction(levels, -20, 2, -40);
        double loss = DynamicsRules.loudnessLoss(levels, -20, 2, -40);
        assertEquals(0.1 * 5 / 0.101, mean, 1e-9);
        assertEquals(10 * Math.log10(0.101 / (0.1 * Math.pow(10, -0.5) + 0.001)), loss, 1e-9);   // 4.91 dB
        assertTrue(loss < mean);
        // Every window turned down alike: both are the reduction itself.
        float[] steady = {-10, -10, -10};
        assertEquals(5, DynamicsRules.loudnessLoss(steady, -20, 2, -40), 1e-9);
        assertEquals(0, DynamicsRules.loudnessLoss(steady, 0, 2, -40), 1e-12);
    }
}
