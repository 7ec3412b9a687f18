package dev.groundwork.mix;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.meter.LoudnessMeter;
import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.mix.plan.MixPlan;
import dev.groundwork.mix.plan.StemPlan;
import dev.groundwork.mix.render.MixRenderer;
import dev.groundwork.mix.stems.MemoryStem;
import dev.groundwork.mix.stems.StemSource;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stem far under the others is brought to its role's level like any other (the mix does not depend on
 * its input gain), unless the producer names it as a bleed or room track, which is held 12 dB under.
 */
class BuriedStemTest {
    private static final double SECONDS = 8;

    private static List<StemSource> stems(double bassGain) {
        return List.of(
                new MemoryStem("kick.wav", SyntheticStems.kick(SECONDS, 1)),
                new MemoryStem("snare.wav", SyntheticStems.snare(SECONDS, 1, 2)),
                new MemoryStem("keys.wav", SyntheticStems.pad(SECONDS, 1)),
                new MemoryStem("lead vox.wav", SyntheticStems.lead(SECONDS, 1)),
                new MemoryStem("bass.wav", SyntheticStems.bass(SECONDS, bassGain)));
    }

    private static MixPlan plan(List<StemSource> stems, MixSettings s) {
        return AutoMix.propose(AutoMix.analyze(stems, ProgressListener.NONE), s);
    }

    private static StemPlan bass(MixPlan p) { return p.stem("bass.wav").orElseThrow(); }

    /** Where the planner puts the bass: its measured loudness plus its fader gain. */
    private static double plannedBassLufs(MixPlan p) { return bass(p).measured().activeLoudnessLufs() + bass(p).gainDb(); }

    /** The masking rule's move in a stem's gain reason (0 without one). */
    private static double maskingMoveDb(StemPlan p) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("masking: .*: ([-+][0-9.]+) dB →").matcher(p.gainReason());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static double lufs(AudioBuffer b) {
        LoudnessMeter m = new LoudnessMeter(2, b.sampleRate(), EnumSet.of(LoudnessMeter.Measure.INTEGRATED));
        m.add(b);
        return m.integratedLufs().orElseThrow();
    }

    private static double rms(float[] a, float[] b, boolean difference) {
        double e = 0;
        for (int i = 0; i < a.length; i++) {
            double v = difference ? a[i] - b[i] : a[i];
            e += v * v;
        }
        return Math.sqrt(e / a.length);
    }

    @Test
    void walkingOneStemsInputGainAcrossTheOldTwentyLuLineLeavesTheMixWithinATenthOfADb() {
        // The bass walks from 6 dB under the others to 40 dB under (within the fader's +30 dB reach): the old rule
        // capped its boost once it was more than 20 LU under the stems' median (around 0.05 here), so the mix lost it.
        double[] gains = {0.5, 0.1, 0.06, 0.04, 0.02, 0.01};
        MixPlan reference = plan(stems(gains[0]), MixSettings.defaults());
        AudioBuffer refMix = MixRenderer.renderToMemory(reference, stems(gains[0]));
        double refLufs = lufs(refMix);
        double medianLufs = reference.stems().stream().mapToDouble(p -> p.measured().activeLoudnessLufs()).sorted().toArray()[2];
        boolean crossed = false;
        for (double g : gains) {
            List<StemSource> s = stems(g);
            MixPlan p = plan(s, MixSettings.defaults());
            double measured = bass(p).measured().activeLoudnessLufs();
            crossed |= measured < medianLufs - 20;
            assertEquals(plannedBassLufs(reference), plannedBassLufs(p), 0.1, "input gain " + g + ": " + bass(p).gainReason());
            AudioBuffer mix = MixRenderer.renderToMemory(p, s);
            assertEquals(refLufs, lufs(mix), 0.1, "mix loudness at input gain " + g);
            // Sample by sample: what changed is at least 40 dB under the mix (a 0.1 dB move of the bass alone is about -45 dB).
            double diffDb = 20 * Math.log10(Math.max(rms(mix.channel(0), refMix.channel(0), true), rms(mix.channel(1), refMix.channel(1), true))
                    / rms(refMix.channel(0), null, false));
            assertTrue(diffDb < -40, "input gain " + g + ": the mix moved by a difference " + diffDb + " dB under it");
        }
        assertTrue(crossed, "the walk crossed 20 LU under the median");
    }

    @Test
    void aStemNamedAsBleedIsHeldTwelveDbUnderItsRoleLevelWhateverItsInputGain() {
        MixPlan normal = plan(stems(0.5), MixSettings.defaults());
        MixPlan bleedLoud = plan(stems(0.5), MixSettings.defaults().withBleed("bass"));
        MixPlan bleedQuiet = plan(stems(0.01), MixSettings.defaults().withBleed("bass.wav"));
        // 12 dB under where the bass sits by its role (the masking rule moves the normal bass, not the held one)
        assertEquals(plannedBassLufs(normal) - maskingMoveDb(bass(normal)) - 12, plannedBassLufs(bleedLoud), 0.3, bass(bleedLoud).gainReason());
        assertFalse(bass(bleedLoud).gainReason().contains("masking"), bass(bleedLoud).gainReason());
        assertEquals(plannedBassLufs(bleedLoud), plannedBassLufs(bleedQuiet), 0.1, bass(bleedQuiet).gainReason());
        assertTrue(bass(bleedQuiet).gainReason().contains("bleed/room"), bass(bleedQuiet).gainReason());
        assertFalse(bass(normal).gainReason().contains("bleed"), bass(normal).gainReason());
        assertTrue(bass(bleedLoud).bleed(), "the plan records the bleed stem");
        assertFalse(bass(normal).bleed());
        assertThrows(IllegalArgumentException.class, () -> plan(stems(0.5), MixSettings.defaults().withBleed("room")));
    }

    @Test
    void aFixStillMovesAQuietStem() {
        MixPlan fixed = plan(stems(0.01), MixSettings.defaults().withFix("bass", 4));
        assertEquals(bass(plan(stems(0.01), MixSettings.defaults())).gainDb() + 4, bass(fixed).gainDb(), 0.05, bass(fixed).gainReason());
    }
}
