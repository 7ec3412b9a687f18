package dev.groundwork.beat;

import dev.groundwork.beat.plan.BeatPlan;
import dev.groundwork.beat.plan.Chord;
import dev.groundwork.beat.plan.Groove;
import dev.groundwork.beat.plan.Note;
import dev.groundwork.beat.plan.Section;
import dev.groundwork.beat.render.RenderedBeat;
import dev.groundwork.core.json.Json;
import dev.groundwork.core.midi.MidiFiles;
import dev.groundwork.core.progress.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** 3/4, 6/8 and 12/8: bar length, drums in the metre, harmony per bar, the MIDI time signature, edits. */
class MetreTest {

    private static boolean at(List<Note> notes, double beat) {
        return notes.stream().anyMatch(n -> Math.abs(n.startBeats() - beat) < 1e-9);
    }

    @ParameterizedTest
    @CsvSource({
            "'boom bap 90 bpm in 3/4, 8 bars', 3/4, 3.0, 2.0",
            "'lo-fi 80 bpm 6/8, 8 bars', 6/8, 3.0, 2.25",
            "'r&b 70 bpm in 12/8, 8 bars', 12/8, 6.0, 5.142857142857143",
            "'afrobeats 100 bpm 12/8 8 bars', 12/8, 6.0, 3.6"})
    void barsHaveTheMetresLengthAndTheDrumsItsShape(String prompt, String metre, double barBeats, double barSeconds) {
        BeatPlan plan = BeatMaker.compose(prompt, 4);
        assertEquals(metre, plan.timeSignature());
        assertEquals(barBeats, plan.barBeats());
        assertEquals(barSeconds, plan.barBeats() * plan.secondsPerBeat(), 1e-12);
        assertEquals(Math.round(8 * barSeconds * 44100), plan.totalFrames());
        int[] backbeats = plan.metre().backbeatSteps();
        for (int bar = 0; bar < plan.bars(); bar++) {
            double start = bar * barBeats;
            Section s = plan.sectionAtBar(bar);
            if (s.parts().contains("kick")) assertTrue(at(plan.part("kick").notes(), start), "kick on the downbeat of bar " + bar);
            if (s.parts().contains("snare")) {
                assertTrue(at(plan.part("snare").notes(), start + backbeats[0] * 0.25), "backbeat in bar " + bar);
                assertFalse(at(plan.part("snare").notes(), start), "no snare on the downbeat of bar " + bar);
            }
        }
        for (var p : plan.parts()) {
            for (Note n : p.notes()) assertTrue(n.startBeats() < plan.totalBeats() - 1e-9, p.name() + " note past the end at " + n.startBeats());
        }
        // the hats run in 8ths (rolls aside): every steady hat on the 8th grid, and the felt beats accented in the score
        if (plan.hasPart("hats")) {
            for (Note n : plan.part("hats").notes()) {
                if (n.lengthBeats() < 0.2) continue;
                assertEquals(0, (n.startBeats() * 2) % 1, 1e-9, "hat off the 8th grid at " + n.startBeats());
            }
        }
        // chords: every bar where they play has a chord struck (or held) from its first beat
        Note first = plan.part("chords").notes().get(0);
        int chordBar = (int) Math.floor(first.startBeats() / barBeats + 1e-9);
        for (int bar = chordBar; bar < plan.bars(); bar++) {
            double start = bar * barBeats;
            if (!plan.sectionAtBar(bar).parts().contains("chords")) continue;
            assertTrue(plan.part("chords").notes().stream().anyMatch(n -> n.startBeats() <= start + 1e-9 && n.endBeats() > start + 1e-9),
                    "a chord sounds on the downbeat of bar " + bar);
        }
    }

    @ParameterizedTest
    @CsvSource({"3/4, 6, 1", "6/8, 6, 1", "12/8, 12, 2"})
    void aHookBarHasTheMetresEighthsAndBackbeats(String metre, int hatsPerBar, int backbeatsPerBar) {
        BeatPlan plan = BeatMaker.compose("boom bap 90 bpm in " + metre + ", hook, 8 bars", 7);
        double bb = plan.barBeats();
        for (int bar = 0; bar < plan.bars(); bar++) {
            double from = bar * bb, to = from + bb;
            long hats = plan.part("hats").notes().stream().filter(n -> n.startBeats() >= from - 1e-9 && n.startBeats() < to - 1e-9).count();
            assertEquals(hatsPerBar, hats, "hats in bar " + bar);
            long backbeats = plan.part("snare").notes().stream()
                    .filter(n -> n.startBeats() >= from - 1e-9 && n.startBeats() < to - 1e-9 && n.velocity() >= 98)
                    .filter(n -> java.util.Arrays.stream(plan.metre().backbeatSteps()).anyMatch(st -> Math.abs(n.startBeats() - from - st * 0.25) < 1e-9))
                    .count();
            assertEquals(backbeatsPerBar, backbeats, "accented backbeats in bar " + bar);
        }
    }

    @Test
    void compoundMetresAccentTheDottedQuarterInTheMidiToo() {
        BeatPlan plan = BeatMaker.compose("boom bap 90 bpm 6/8, 4 bars", 2);
        var hats = dev.groundwork.beat.perform.Performer.perform(plan, plan.part("hats"));
        double onPulse = 0, offPulse = 0;
        int nOn = 0, nOff = 0;
        for (var n : hats) {
            double pos = Math.round(n.startBeats() * 4) / 4.0 % 1.5;
            if (pos == 0) { onPulse += n.velocity(); nOn++; } else { offPulse += n.velocity(); nOff++; }
        }
        assertTrue(nOn > 0 && nOff > 0);
        assertTrue(onPulse / nOn > offPulse / nOff + 15, "dotted-quarter hats " + onPulse / nOn + " vs " + offPulse / nOff);
    }

    @ParameterizedTest
    @CsvSource({"'lo-fi in 3/4, 4 bars', 3, 2, 24", "'lo-fi in 6/8, 4 bars', 6, 3, 36", "'r&b 12/8 4 bars', 12, 3, 36", "'lo-fi 4 bars', 4, 2, 24"})
    void theMidiTimeSignatureEventHasTheMetreAndItsClick(String prompt, int numerator, int log2Denominator, int clocks) {
        BeatPlan plan = BeatMaker.compose(prompt, 1);
        byte[] mid = BeatMaker.midi(plan).toBytes();
        byte[] event = {(byte) 0xFF, 0x58, 4, (byte) numerator, (byte) log2Denominator, (byte) clocks, 8};
        int found = -1;
        for (int i = 0; i + event.length <= mid.length && found < 0; i++) {
            if (java.util.Arrays.equals(java.util.Arrays.copyOfRange(mid, i, i + event.length), event)) found = i;
        }
        assertTrue(found > 0, "FF 58 04 " + numerator + " " + log2Denominator + " " + clocks + " 08 in the file");
        assertEquals(plan.timeSignature(), MidiFiles.parse(mid).timeSignature());
    }

    @Test
    void aSixEightLoopIsExactlyTwoBarsAndRepeatsSampleExact() {
        BeatPlan plan = BeatMaker.compose("boom bap 84 bpm 6/8 2 bars loop", 3);
        var g = plan.groove();
        plan = plan.withGroove(new Groove(g.swing(), g.offsetsMs(), g.accent(), 0, 0, g.seed()));
        RenderedBeat r = BeatMaker.render(plan, ProgressListener.NONE);
        assertEquals(Math.round(2 * 3 * 60.0 / 84 * 44100), r.frames());
        RenderedBeat r2 = BeatMaker.render(RenderTest.twice(plan), ProgressListener.NONE);
        float[] one = r.mix().channel(0), two = r2.mix().channel(0);
        double scale = r.trim() / r2.trim(), maxErr = 0;
        int n = one.length;
        assertEquals(2 * n, two.length);
        for (int i = 0; i < 2 * n; i++) maxErr = Math.max(maxErr, Math.abs(one[i % n] - two[i] * scale));
        assertTrue(maxErr < 1e-5, "loop differs from a continuous pass by " + maxErr);
    }

    @Test
    void editsAndThePlanFileKeepTheMetre(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        BeatPlan plan = BeatMaker.compose("r&b 72 bpm in 6/8, verse, hook, 16 bars", 9);
        Path file = dir.resolve("beat.json");
        Json.write(file, plan);
        assertTrue(Files.readString(file).contains("\"time_signature\" : \"6/8\""));
        BeatPlan back = Json.read(file, BeatPlan.class);
        assertEquals(plan, back, "the plan file reads back to the same plan");
        BeatPlan dropped = BeatMaker.drop(back, "hats", "hook");
        Section hook = dropped.sections().get(BeatMaker.select(dropped, "hook").get(0));
        assertTrue(dropped.part("hats").notes().stream().noneMatch(n -> n.startBeats() >= hook.startBar() * 3.0 - 1e-9),
                "no hats from bar " + hook.startBar() + " (beat " + hook.startBar() * 3.0 + ") on");
        assertTrue(dropped.part("hats").notes().stream().anyMatch(n -> n.startBeats() >= hook.startBar() * 3.0 - 6));
        BeatPlan up = BeatMaker.transpose(BeatMaker.regenerate(dropped, "melody", 3), 2, "hook");
        assertEquals("6/8", up.timeSignature());
        for (Note n : up.part("bass").notes()) {
            if (n.startBeats() < hook.startBar() * 3.0) continue;
            int bar = (int) Math.floor(n.startBeats() / 3.0 + 1e-9);
            Chord c = Chord.at(up.chords(), bar, n.startBeats() - bar * 3.0);
            assertTrue(n.chromatic() || up.keyAtBar(bar).contains(n.pitch()), "bass in the new key at " + n.startBeats());
            if (Math.abs(n.startBeats() - bar * 3.0) < 1e-9) assertTrue(c.contains(n.pitch()), "bass on the bar line plays the chord");
        }
        BeatPlan faster = BeatMaker.tempo(up, 90);
        assertEquals(Math.round(16 * 3 * 60.0 / 90 * 44100), faster.totalFrames());
    }

    @Test
    void waltzTimeIsThreeFour() {
        var r = BeatMaker.read("jazzy lo-fi waltz, 84 bpm");
        assertEquals("3/4", r.metre().label());
        assertTrue(r.ignored().isEmpty(), r.ignored().toString());
        assertTrue(r.reading().stream().anyMatch(l -> l.startsWith("time signature: 3/4 ('waltz')")), r.reading().toString());
    }
}
