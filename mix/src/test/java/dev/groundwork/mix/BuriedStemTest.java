package dev.groundwork.mix;

import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.mix.plan.MixPlan;
import dev.groundwork.mix.plan.StemPlan;
import dev.groundwork.mix.stems.MemoryStem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stem far under the others (a ghost part, a bleed) is raised at most 6 dB, and the plan says why. */
class BuriedStemTest {
    private static final double SECONDS = 8;

    private static MixPlan plan(double bassGain) {
        return AutoMix.propose(AutoMix.analyze(List.of(
                new MemoryStem("kick.wav", SyntheticStems.kick(SECONDS, 1)),
                new MemoryStem("snare.wav", SyntheticStems.snare(SECONDS, 1, 2)),
                new MemoryStem("keys.wav", SyntheticStems.pad(SECONDS, 1)),
                new MemoryStem("lead vox.wav", SyntheticStems.lead(SECONDS, 1)),
                new MemoryStem("bass.wav", SyntheticStems.bass(SECONDS, bassGain))), ProgressListener.NONE), MixSettings.defaults());
    }

    private static StemPlan bass(MixPlan p) { return p.stem("bass.wav").orElseThrow(); }

    @Test
    void aStemTwentyLuUnderTheMedianGetsAtMostSixDbWhereANormalOneGetsItsRoleLevel() {
        StemPlan normal = bass(plan(0.5)), buried = bass(plan(0.01));
        double normalLufs = normal.measured().activeLoudnessLufs(), buriedLufs = buried.measured().activeLoudnessLufs();
        assertEquals(20 * Math.log10(0.01 / 0.5), buriedLufs - normalLufs, 0.1, "the buried bass is 34 dB quieter");
        // At its normal level it is turned down to its role's target and nothing is capped.
        assertFalse(normal.gainReason().contains("buried"), normal.gainReason());
        double roleGain = normal.gainDb() + (normalLufs - buriedLufs);
        assertTrue(roleGain > 20, "its role's level would need " + roleGain + " dB");
        // 34 dB quieter, its automatic gain stops at +6 dB (plus what the EQ gives back, under 1 dB here).
        assertTrue(buried.gainReason().contains("buried part"), buried.gainReason());
        assertEquals(6.0, buried.gainDb(), 1.0, buried.gainReason());
        assertTrue(buried.gainDb() < roleGain - 8, buried.gainReason());
    }

    @Test
    void aFixStillMovesABuriedStem() {
        MixPlan fixed = AutoMix.propose(AutoMix.analyze(List.of(
                new MemoryStem("kick.wav", SyntheticStems.kick(SECONDS, 1)),
                new MemoryStem("snare.wav", SyntheticStems.snare(SECONDS, 1, 2)),
                new MemoryStem("keys.wav", SyntheticStems.pad(SECONDS, 1)),
                new MemoryStem("lead vox.wav", SyntheticStems.lead(SECONDS, 1)),
                new MemoryStem("bass.wav", SyntheticStems.bass(SECONDS, 0.01))), ProgressListener.NONE),
                MixSettings.defaults().withFix("bass", 4));
        assertEquals(bass(plan(0.01)).gainDb() + 4, bass(fixed).gainDb(), 0.05, bass(fixed).gainReason());
    }
}
