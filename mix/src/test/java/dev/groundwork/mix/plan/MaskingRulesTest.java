package dev.groundwork.mix.plan;

import dev.groundwork.mix.analysis.Bands;
import dev.groundwork.mix.analysis.StemAnalysis;
import dev.groundwork.mix.analysis.StemProfile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaskingRulesTest {
    private static final int FRAMES = 50;
    private static final double LEVEL = dev.groundwork.mix.MixSettings.DEFAULT_MASKING_LEVEL;

    /**
     * A stem that plays in one third-octave band at {@code power} (mean square) in frames [from, to), silent
     * elsewhere, analysed every {@code hop} seconds; its loudness is taken as the level of its playing frames.
     */
    private static StemProfile stem(String name, int band, double power, int from, int to, double hop) {
        int frames = (int) Math.round(FRAMES * 0.2 / hop);
        float[] lufs = new float[frames], bands = new float[frames * Bands.COUNT];
        double level = -0.691 + 10 * Math.log10(power);
        for (int f = 0; f < frames; f++) {
            double t = f * hop;
            boolean plays = t >= from * 0.2 - 1e-9 && t < to * 0.2 - 1e-9;
            lufs[f] = plays ? (float) level : Float.NEGATIVE_INFINITY;
            if (plays) bands[f * Bands.COUNT + band] = (float) power;
        }
        StemAnalysis a = new StemAnalysis(name, 2, 44100, FRAMES * 0.2, level, -6, 10, (double) (to - from) / FRAMES, 500, 0, 0, 0, 1, 0.5, 0, 0, 0.8, null);
        return new StemProfile(a, new double[Bands.COUNT], new double[1], 10, new float[0], new float[0], Double.NaN,
                new StemProfile.Envelope(0.01, new float[0], new float[0]), null, new StemProfile.Frames(hop, lufs, bands));
    }

    private static final boolean[] ALL3 = {true, true, true};

    @Test
    void twoStemsSharingABandComeUpAndOneAloneInItsBandGoesDown() {
        // a and b play together in one band at equal planned power; c plays alone in another band.
        List<StemProfile> p = List.of(stem("a", 10, 1e-3, 0, 50, 0.2), stem("b", 10, 1e-3, 0, 50, 0.2), stem("c", 20, 1e-3, 0, 50, 0.2));
        MaskingRules.Result r = MaskingRules.of(p, new double[]{0, 0, 0}, ALL3, null, null, LEVEL);
        assertEquals(0, r.exposureDb()[0], 1e-9);
        assertEquals(0, r.exposureDb()[1], 1e-9);
        assertEquals(-MaskingRules.BAND_RATIO_LIMIT_DB, r.exposureDb()[2], 1e-9);   // nobody else in its band
        double mean = -MaskingRules.BAND_RATIO_LIMIT_DB / 3;
        assertEquals(mean, r.meanExposureDb(), 1e-9);
        assertEquals(LEVEL * -mean, r.correctionDb()[0], 1e-9);
        assertEquals(LEVEL * (-MaskingRules.BAND_RATIO_LIMIT_DB - mean), r.correctionDb()[2], 1e-9);
        assertEquals(0, r.correctionDb()[0] + r.correctionDb()[1] + r.correctionDb()[2], 1e-9);
    }

    @Test
    void exposureIsMeasuredAtThePlannedLevelsOnlyWhileTheStemPlays() {
        // b is 6 dB over a in a's band, but plays only in the first half of the song; a plays throughout.
        List<StemProfile> p = List.of(stem("a", 10, 1e-3, 0, 50, 0.2), stem("b", 10, 1e-3, 0, 25, 0.2), stem("c", 10, 1e-3, 25, 50, 0.2));
        MaskingRules.Result r = MaskingRules.of(p, new double[]{0, 6, 0}, ALL3, null, null, LEVEL);
        // a's frames: half with b (+6 dB), half with c (0 dB): others' power 10^0.6 + 1 over a's 2
        assertEquals(10 * Math.log10((Math.pow(10, 0.6) + 1) / 2), r.exposureDb()[0], 1e-6);
        assertEquals(-6, r.exposureDb()[1], 1e-6);   // b plays only with a, 6 dB under it
        assertEquals(0, r.exposureDb()[2], 1e-6);    // c only with a, at its level
    }

    @Test
    void aStemsInputGainAndTheStemsOrderDoNotMoveTheCorrections() {
        List<StemProfile> p = List.of(stem("a", 8, 1e-3, 0, 50, 0.2), stem("b", 8, 3e-4, 10, 40, 0.2), stem("c", 12, 2e-3, 0, 30, 0.2));
        MaskingRules.Result r = MaskingRules.of(p, new double[]{-3, 1, 0}, ALL3, null, null, LEVEL);
        // b exported 20 dB hotter: the planner's gain takes the 20 dB back
        List<StemProfile> hot = List.of(p.get(0), stem("b", 8, 3e-2, 10, 40, 0.2), p.get(2));
        MaskingRules.Result rh = MaskingRules.of(hot, new double[]{-3, 1 - 20, 0}, ALL3, null, null, LEVEL);
        for (int i = 0; i < 3; i++) assertEquals(r.correctionDb()[i], rh.correctionDb()[i], 1e-6);
        List<StemProfile> shuffled = List.of(p.get(2), p.get(0), p.get(1));
        MaskingRules.Result rs = MaskingRules.of(shuffled, new double[]{0, -3, 1}, ALL3, null, null, LEVEL);
        assertEquals(r.correctionDb()[0], rs.correctionDb()[1], 1e-9);
        assertEquals(r.correctionDb()[1], rs.correctionDb()[2], 1e-9);
        assertEquals(r.correctionDb()[2], rs.correctionDb()[0], 1e-9);
        assertTrue(Math.abs(r.correctionDb()[0]) > 0.1, "the case is not trivial");
    }

    @Test
    void stemsAnalysedAtAnotherHopAreMatchedByTime() {
        // b was analysed at half the hop (a stem at twice the sample rate): the same music, twice the frames.
        List<StemProfile> same = List.of(stem("a", 10, 1e-3, 0, 25, 0.2), stem("b", 10, 1e-3, 0, 50, 0.2), stem("c", 20, 1e-3, 0, 50, 0.2));
        List<StemProfile> mixed = List.of(stem("a", 10, 1e-3, 0, 25, 0.2), stem("b", 10, 1e-3, 0, 50, 0.1), stem("c", 20, 1e-3, 0, 50, 0.2));
        MaskingRules.Result r = MaskingRules.of(same, new double[3], ALL3, null, null, LEVEL), rm = MaskingRules.of(mixed, new double[3], ALL3, null, null, LEVEL);
        assertEquals(r.exposureDb()[0], rm.exposureDb()[0], 1e-6);
    }

    @Test
    void aBandThePlannedEqTakesOutMasksNothing() {
        // b shares a's low band, but b's high-pass takes 40 dB off there: a stands alone in it.
        List<StemProfile> p = List.of(stem("a", 3, 1e-3, 0, 50, 0.2), stem("b", 3, 1e-3, 0, 50, 0.2), stem("c", 20, 1e-3, 0, 50, 0.2));
        double[][] eq = new double[3][Bands.COUNT];
        eq[1][3] = -40;
        MaskingRules.Result flat = MaskingRules.of(p, new double[3], ALL3, null, null, LEVEL), cut = MaskingRules.of(p, new double[3], ALL3, eq, null, LEVEL);
        assertEquals(0, flat.exposureDb()[0], 1e-9);
        assertEquals(-40, cut.exposureDb()[0], 1e-9);
        assertEquals(40, cut.exposureDb()[1], 1e-9);   // what is left of b sits 40 dB under a
    }

    @Test
    void stemsLeftOutAreNeitherMovedNorCountedAsMaskers() {
        List<StemProfile> p = List.of(stem("a", 10, 1e-3, 0, 50, 0.2), stem("b", 10, 1e-3, 0, 50, 0.2), stem("c", 20, 1e-3, 0, 50, 0.2));
        MaskingRules.Result r = MaskingRules.of(p, new double[3], new boolean[]{true, false, true}, null, null, LEVEL);
        assertTrue(Double.isNaN(r.exposureDb()[1]));
        assertEquals(0, r.correctionDb()[1]);
        assertEquals(-MaskingRules.BAND_RATIO_LIMIT_DB, r.exposureDb()[0], 1e-9);   // b is not there to cover it
    }

    @Test
    void aHeldStemKeepsItsLevelButStillCoversTheOthers() {
        List<StemProfile> p = List.of(stem("a", 10, 1e-3, 0, 50, 0.2), stem("b", 10, 1e-3, 0, 50, 0.2), stem("c", 20, 1e-3, 0, 50, 0.2));
        MaskingRules.Result r = MaskingRules.of(p, new double[3], ALL3, null, new boolean[]{false, true, false}, LEVEL);
        assertEquals(0, r.correctionDb()[1]);
        assertEquals(0, r.exposureDb()[0], 1e-9);   // b still covers a
        assertEquals((0 + -MaskingRules.BAND_RATIO_LIMIT_DB) / 2, r.meanExposureDb(), 1e-9);
    }
}
