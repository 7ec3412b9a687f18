package dev.groundwork.mix.plan;

import dev.groundwork.mix.analysis.Bands;
import dev.groundwork.mix.analysis.StemAnalysis;
import dev.groundwork.mix.analysis.StemProfile;
import dev.groundwork.mix.roles.Role;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LevelCompensationTest {
    private static final double RATE = 48000, BIN_HZ = 10;

    /** A stem whose whole power sits in one FFT bin (a steady tone at {@code toneHz}). */
    private static StemProfile tone(double toneHz, int channels, double balanceDb) {
        StemAnalysis a = new StemAnalysis("tone.wav", channels, RATE, 10, -20.0, -6, 8, 1, toneHz, 0, 0, 0, 0, 1, 0, balanceDb, 1, null);
        double[] spectrum = new double[2401];
        spectrum[(int) Math.round(toneHz / BIN_HZ)] = 1;
        return new StemProfile(a, new double[Bands.COUNT], spectrum, BIN_HZ, new float[0], new float[0], Double.NaN,
                new StemProfile.Envelope(0.01, new float[0], new float[0]), null);
    }

    private static StemPlan plan(StemProfile prof, double pan, List<EqBand> eq) {
        return new StemPlan("tone.wav", Role.KEYS, 1, "", false, prof.summary(), -3, "keys", pan, "", eq, null, null, null, null, "", false, false, null, null);
    }

    @Test
    void aSixDbCutAtTheTonesFrequencyIsGivenBackOnTheFader() {
        StemProfile prof = tone(1000, 1, 0);
        StemPlan p = plan(prof, 0, List.of(new EqBand(EqBand.Type.BELL, 1000, -6, 1, "test")));
        StemPlan out = LevelCompensation.apply(List.of(p), List.of(prof), RATE).get(0);
        assertEquals(-3 + 6, out.gainDb(), 0.05);
    }

    @Test
    void aCutFarFromTheStemsEnergyLeavesTheFaderAlone() {
        StemProfile prof = tone(200, 1, 0);
        StemPlan p = plan(prof, 0, List.of(new EqBand(EqBand.Type.BELL, 8000, -6, 4, "test")));
        assertEquals(-3, LevelCompensation.apply(List.of(p), List.of(prof), RATE).get(0).gainDb(), 1e-9);
    }

    @Test
    void aBalancePanOnAnEvenStereoStemIsMadeUpByWhatItRemoves() {
        StemProfile prof = tone(1000, 2, 0);
        StemPlan p = plan(prof, 0.5, List.of());
        // Left at 0.5, right at 1: (0.25 + 1) / 2 of the energy remains, -2.04 dB.
        assertEquals(-3 + 2.04, LevelCompensation.apply(List.of(p), List.of(prof), RATE).get(0).gainDb(), 0.01);
    }

    @Test
    void aMonoStemPannedAtConstantPowerNeedsNothing() {
        StemProfile prof = tone(1000, 1, 0);
        StemPlan p = plan(prof, 0.5, List.of());
        assertEquals(-3, LevelCompensation.apply(List.of(p), List.of(prof), RATE).get(0).gainDb(), 1e-9);
    }
}
