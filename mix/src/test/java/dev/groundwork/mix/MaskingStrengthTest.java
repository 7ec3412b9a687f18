package dev.groundwork.mix;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundwork.core.audio.OutputFormat;
import dev.groundwork.core.json.Json;
import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.mix.plan.EqBand;
import dev.groundwork.mix.plan.MixPlan;
import dev.groundwork.mix.plan.MixPlanner;
import dev.groundwork.mix.plan.StemPlan;
import dev.groundwork.mix.render.MixRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The masking cuts' strength (--masking) is recorded in the plan as masking_strength, with each cut's depth at full
 * strength; an edited strength redoes the cuts when the plan is rendered, as an edited masking_level redoes the moves.
 */
class MaskingStrengthTest {
    private static AutoMix.Analysis band;
    private static MixPlan half, none, full;

    @BeforeAll
    static void plan() {
        List<dev.groundwork.mix.stems.StemSource> stems = new java.util.ArrayList<>(SyntheticStems.band(8));
        stems.add(new dev.groundwork.mix.stems.MemoryStem("Keys.wav", organ(8)));
        band = AutoMix.analyze(stems, ProgressListener.NONE);
        MixSettings pad = MixSettings.defaults().withLead("Pad.wav");
        half = AutoMix.propose(band, pad);
        none = AutoMix.propose(band, pad.withMaskingStrength(0));
        full = AutoMix.propose(band, pad.withMaskingStrength(1));
    }

    /** A held tone in the pad's loudest band: it crowds the pad there. */
    private static dev.groundwork.core.audio.AudioBuffer organ(double seconds) {
        int n = (int) (seconds * 44100);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (0.2 * Math.sin(2 * Math.PI * 330 * i / 44100.0));
        return new dev.groundwork.core.audio.AudioBuffer(new float[][]{x}, 44100);
    }

    private static List<EqBand> maskingCuts(StemPlan p) {
        return p.eq().stream().filter(b -> b.reason().startsWith("masking:")).toList();
    }

    private static MixPlan edited(Path dir, MixPlan plan, double strength) throws Exception {
        ObjectNode tree = (ObjectNode) Json.MAPPER.valueToTree(plan);
        tree.put("masking_strength", strength);
        Path file = dir.resolve("edited-" + strength + ".json");
        Files.writeString(file, Json.MAPPER.writeValueAsString(tree));
        return MixPlanner.followEdits(Json.read(file, MixPlan.class));
    }

    @Test
    void theStrengthAndEachCutAreRecorded() {
        assertEquals(0.5, half.maskingStrength());
        assertEquals(0.0, none.maskingStrength());
        assertTrue(Json.write(half).contains("\"masking_strength\" : 0.5"), "written as masking_strength");
        StemPlan keys = half.stem("Keys.wav").orElseThrow();
        assertNotNull(keys.maskingCut());
        assertEquals(315.0, keys.maskingCut().frequencyHz());
        assertTrue(keys.maskingCut().crowdingDb() > 6, keys.maskingCut().toString());
        assertEquals(3.0, keys.maskingCut().cutDb(), "6 dB at most, times 0.5");
        assertEquals(List.of(-3.0), maskingCuts(keys).stream().map(EqBand::gainDb).toList());
        assertTrue(maskingCuts(keys).get(0).reason().contains("dB over the lead (Pad.wav)"), maskingCuts(keys).get(0).reason());
        // strength 0 makes no cut, but keeps what an edited strength needs to make one
        StemPlan keysNone = none.stem("Keys.wav").orElseThrow();
        assertEquals(List.of(), maskingCuts(keysNone));
        assertEquals(0.0, keysNone.maskingCut().cutDb());
        assertEquals(keys.maskingCut().crowdingDb(), keysNone.maskingCut().crowdingDb(), 1e-9);
        assertEquals(List.of(-6.0), maskingCuts(full.stem("Keys.wav").orElseThrow()).stream().map(EqBand::gainDb).toList());
    }

    @Test
    void anUneditedPlanReplaysByteForByte(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mix.json");
        Json.write(file, half);
        MixPlan read = Json.read(file, MixPlan.class);
        assertSame(read, MixPlanner.followEdits(read), "nothing to follow");
        Path a = dir.resolve("a.wav"), b = dir.resolve("b.wav");
        OutputFormat f = OutputFormat.wav(OutputFormat.Encoding.FLOAT32);
        MixRenderer.renderToFile(half, band.stems(), a, f, null, ProgressListener.NONE);
        MixRenderer.renderToFile(MixPlanner.followEdits(read), band.stems(), b, f, null, ProgressListener.NONE);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void anEditedStrengthRedoesTheCutsAsAPlanAtThatStrength(@TempDir Path dir) throws Exception {
        for (MixPlan target : new MixPlan[]{none, full}) {
            MixPlan followed = edited(dir, half, target.maskingStrength());
            assertEquals(target.maskingStrength(), followed.maskingStrength());
            for (StemPlan t : target.stems()) {
                StemPlan f = followed.stem(t.file()).orElseThrow();
                assertEquals(t.eq(), f.eq(), t.file() + ": the EQ of a plan made at " + target.maskingStrength());
                assertEquals(t.maskingCut() == null ? 0 : t.maskingCut().cutDb(), f.maskingCut() == null ? 0 : f.maskingCut().cutDb(), t.file());
            }
            StemPlan keys = followed.stem("Keys.wav").orElseThrow(), planned = target.stem("Keys.wav").orElseThrow();
            assertTrue(keys.gainReason().contains(String.format(java.util.Locale.ROOT, "masking strength edited to %.2f", target.maskingStrength())),
                    keys.gainReason());
            // the fader gives back what the new cut takes (or takes back what the removed cut took), as a new plan's does
            double moved = keys.gainDb() - half.gainDbOf("Keys.wav"), plannedMove = planned.gainDb() - half.gainDbOf("Keys.wav");
            assertTrue(Math.abs(moved) > 1, "the cut's loudness is given back: " + moved);
            assertEquals(plannedMove, moved, 0.15, "fader within 0.15 dB of a plan made at that strength");
        }
        assertTrue(edited(dir, half, 0).stems().stream().allMatch(p -> maskingCuts(p).isEmpty()), "strength 0 removes every masking cut");
    }

    @Test
    void aPlanWrittenBeforeTheStrengthWasRecordedLoadsAtTheDefault(@TempDir Path dir) throws Exception {
        ObjectNode tree = (ObjectNode) Json.MAPPER.valueToTree(half);
        tree.remove("masking_strength");
        tree.withArray("stems").forEach(s -> ((ObjectNode) s).remove("masking_cut"));
        Path file = dir.resolve("old.json");
        Files.writeString(file, Json.MAPPER.writeValueAsString(tree));
        MixPlan old = Json.read(file, MixPlan.class);
        assertEquals(MixSettings.DEFAULT_MASKING_STRENGTH, old.maskingStrength());
        assertSame(old, MixPlanner.followEdits(old));
        // a strength edited into such a plan cannot redo cuts it did not record: the notes say so
        tree.put("masking_strength", 0.0);
        Files.writeString(file, Json.MAPPER.writeValueAsString(tree));
        MixPlan edited = MixPlanner.followEdits(Json.read(file, MixPlan.class));
        assertEquals(half.stem("Keys.wav").orElseThrow().eq(), edited.stem("Keys.wav").orElseThrow().eq());
        assertTrue(edited.notes().stream().anyMatch(n -> n.startsWith("masking_strength 0.00 has no effect on this plan")), edited.notes().toString());
    }

    @Test
    void aStrengthOutsideZeroToOneIsRefusedWithOneLine(@TempDir Path dir) throws Exception {
        ObjectNode tree = (ObjectNode) Json.MAPPER.valueToTree(half);
        tree.put("masking_strength", 1.5);
        Path file = dir.resolve("bad.json");
        Files.writeString(file, Json.MAPPER.writeValueAsString(tree));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.read(file, MixPlan.class));
        assertTrue(e.getMessage().contains("masking strength must be 0..1"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
