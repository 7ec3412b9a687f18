package dev.groundwork.mix;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundwork.core.json.Json;
import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.mix.plan.MixPlan;
import dev.groundwork.mix.plan.MixPlanner;
import dev.groundwork.mix.plan.StemPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The masking level (--masking-level) scales the masking-aware level move: 0 leaves it out, 1 moves each fader five
 * times as far as the default 0.2 (the focused lead excepted: it may come up, never down); the plan records it, and an
 * edited level moves the faders when the plan is read back.
 */
class MaskingLevelTest {
    /** In this band the lead plays alone in its bands (the others stand about 17 dB under it there): it is the exposed stem. */
    private static AutoMix.Analysis band;
    private static MixPlan off, byDefault, full;

    @BeforeAll
    static void plan() {
        band = AutoMix.analyze(SyntheticStems.band(8), ProgressListener.NONE);
        off = AutoMix.propose(band, MixSettings.defaults().withMaskingLevel(0));
        byDefault = AutoMix.propose(band, MixSettings.defaults());
        full = AutoMix.propose(band, MixSettings.defaults().withMaskingLevel(1));
    }

    private static double gain(MixPlan p, String file) { return p.gainDbOf(file); }

    @Test
    void levelZeroLeavesTheMoveOutButStillRecordsEachStemsExposure() {
        assertEquals(0.0, off.maskingLevel());
        assertEquals(0.2, byDefault.maskingLevel());
        for (StemPlan s : off.stems()) {
            assertFalse(s.gainReason().contains("masking"), s.gainReason());
            assertNotNull(s.maskingMove(), s.file());
            assertEquals(0.0, s.maskingMove().gainDb(), s.file());
            StemPlan d = byDefault.stem(s.file()).orElseThrow();
            assertEquals(d.maskingMove().exposureVsMeanDb(), s.maskingMove().exposureVsMeanDb(), 1e-12, s.file());
            // the default plan is the level-0 plan plus the move, and says so
            assertEquals(d.maskingMove().gainDb(), d.gainDb() - s.gainDb(), 0.011, s.file());
            assertTrue(d.gainReason().contains(String.format(java.util.Locale.ROOT, "level 0.20: %+.1f dB", d.maskingMove().gainDb())), d.gainReason());
        }
    }

    @Test
    void theFocusedLeadStandsOutOnPurposeAndIsNeverLowered() {
        // the exposed lead: the other stems stand 16.7 dB under it while it plays, 12.4 dB more than for the mean stem;
        // the rule would lower it by 0.2 × 12.4 dB, but its focus put it there
        StemPlan lead = byDefault.stem("LeadVox.wav").orElseThrow();
        assertEquals("LeadVox.wav", byDefault.lead());
        assertEquals(-12.4, lead.maskingMove().exposureVsMeanDb(), 0.5);
        assertTrue(lead.maskingMove().focusedLead());
        assertEquals(0.0, lead.maskingMove().gainDb());
        assertEquals(gain(off, "LeadVox.wav"), gain(byDefault, "LeadVox.wav"));
        assertEquals(gain(off, "LeadVox.wav"), gain(full, "LeadVox.wav"));
        assertTrue(lead.gainReason().contains("as the lead's focus intends, level 0.20: +0.0 dB, not lowered"), lead.gainReason());
        assertFalse(off.stem("LeadVox.wav").orElseThrow().gainReason().contains("masking"));
        // the same stem with another stem named as the lead is an ordinary stem: it comes down
        String other = off.stems().stream().map(StemPlan::file).filter(f -> !f.equals("LeadVox.wav")).findFirst().orElseThrow();
        MixPlan named = AutoMix.propose(band, MixSettings.defaults().withLead(other));
        MixPlan namedOff = AutoMix.propose(band, MixSettings.defaults().withLead(other).withMaskingLevel(0));
        StemPlan vox = named.stem("LeadVox.wav").orElseThrow();
        assertFalse(vox.maskingMove().focusedLead());
        assertEquals(0.2 * vox.maskingMove().exposureVsMeanDb(), named.gainDbOf("LeadVox.wav") - namedOff.gainDbOf("LeadVox.wav"), 0.011);
        assertTrue(named.gainDbOf("LeadVox.wav") - namedOff.gainDbOf("LeadVox.wav") < -1.5, vox.maskingMove() + " " + other);
    }

    @Test
    void levelOneMovesEveryOtherFaderFiveTimesAsFarAsTheDefault() {
        double largest = 0;
        for (StemPlan s : off.stems()) {
            String f = s.file();
            if (f.equals("LeadVox.wav")) continue;
            double atDefault = gain(byDefault, f) - gain(off, f), atOne = gain(full, f) - gain(off, f);
            assertEquals(5 * atDefault, atOne, 0.06, f);   // each gain is rounded to 0.01 dB
            assertEquals(s.maskingMove().exposureVsMeanDb(), atOne, 0.011, f);
            largest = Math.max(largest, Math.abs(atOne));
            // the compressor's threshold follows the fader, so the reduction stays as planned
            if (s.compression() != null) {
                assertEquals(s.compression().thresholdDb() + atOne, full.stem(f).orElseThrow().compression().thresholdDb(), 0.1, f);
                assertEquals(s.compression().expectedReductionDb(), full.stem(f).orElseThrow().compression().expectedReductionDb(), 0.05, f);
            }
        }
        assertTrue(largest > 1, "some stem moves: " + largest);
    }

    @Test
    void anEditedLevelInThePlanMovesTheFadersAsAPlanAtThatLevel(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mix.json");
        Json.write(file, byDefault);
        MixPlan same = Json.read(file, MixPlan.class);
        assertSame(same, MixPlanner.followEdits(same), "an unedited plan renders as written");

        for (MixPlan target : new MixPlan[]{full, off}) {
            ObjectNode tree = (ObjectNode) Json.MAPPER.readTree(file.toFile());
            tree.put("masking_level", target.maskingLevel());
            Path edited = dir.resolve("edited.json");
            Files.writeString(edited, Json.MAPPER.writeValueAsString(tree));
            MixPlan followed = MixPlanner.followEdits(Json.read(edited, MixPlan.class));
            assertEquals(target.maskingLevel(), followed.maskingLevel());
            for (StemPlan s : target.stems()) {
                StemPlan f = followed.stem(s.file()).orElseThrow();
                assertEquals(s.gainDb(), f.gainDb(), 0.011, f.gainReason());
                assertEquals(s.maskingMove().gainDb(), f.maskingMove().gainDb(), 1e-12, s.file());
                // thresholds are planned to 0.1 dB: the followed one and the planned one each rounded once
                if (s.compression() != null) assertEquals(s.compression().thresholdDb(), f.compression().thresholdDb(), 0.1 + 1e-9, s.file());
            }
            String moved = target.stems().stream().filter(p -> Math.abs(p.maskingMove().gainDb() - byDefault.stem(p.file()).orElseThrow().maskingMove().gainDb()) > 0.1)
                    .map(StemPlan::file).findFirst().orElseThrow();
            assertTrue(followed.stem(moved).orElseThrow().gainReason().contains(
                    String.format(java.util.Locale.ROOT, "masking level edited to %.2f", target.maskingLevel())), moved);
            // the mix bus follows the new faders
            assertEquals(target.mixBus().predictedLufs(), followed.mixBus().predictedLufs(), 0.02);
        }
    }

    @Test
    void aPlanWrittenBeforeTheLevelWasRecordedLoadsAtTheDefault(@TempDir Path dir) throws Exception {
        ObjectNode tree = (ObjectNode) Json.MAPPER.valueToTree(byDefault);
        tree.remove("masking_level");
        tree.withArray("stems").forEach(s -> ((ObjectNode) s).remove("masking_move"));
        Path file = dir.resolve("old.json");
        Files.writeString(file, Json.MAPPER.writeValueAsString(tree));
        MixPlan old = Json.read(file, MixPlan.class);
        assertEquals(MixSettings.DEFAULT_MASKING_LEVEL, old.maskingLevel());
        assertSame(old, MixPlanner.followEdits(old));
        // a level edited into such a plan cannot move anything: the plan says so instead of ignoring it silently
        tree.put("masking_level", 0.5);
        Files.writeString(file, Json.MAPPER.writeValueAsString(tree));
        MixPlan edited = MixPlanner.followEdits(Json.read(file, MixPlan.class));
        for (StemPlan s : byDefault.stems()) assertEquals(s.gainDb(), edited.gainDbOf(s.file()), s.file());
        assertTrue(edited.notes().stream().anyMatch(n -> n.startsWith("masking_level 0.50 has no effect on this plan")), edited.notes().toString());
    }

    @Test
    void aLevelOutsideZeroToOneIsRefusedWithOneLine(@TempDir Path dir) throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MixSettings.defaults().withMaskingLevel(1.5));
        assertEquals("masking level must be 0..1 (0 turns the masking-aware level move off, default 0.2), got 1.5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MixSettings.defaults().withMaskingLevel(-0.1));
        assertThrows(IllegalArgumentException.class, () -> MixSettings.defaults().withMaskingLevel(Double.NaN));
        ObjectNode tree = (ObjectNode) Json.MAPPER.valueToTree(byDefault);
        tree.put("masking_level", 2.0);
        Path file = dir.resolve("bad.json");
        Files.writeString(file, Json.MAPPER.writeValueAsString(tree));
        IllegalArgumentException read = assertThrows(IllegalArgumentException.class, () -> Json.read(file, MixPlan.class));
        assertTrue(read.getMessage().contains("masking level must be 0..1"), read.getMessage());
        assertFalse(read.getMessage().contains("\n"), read.getMessage());
    }
}
