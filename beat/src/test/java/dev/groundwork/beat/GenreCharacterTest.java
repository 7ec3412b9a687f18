package dev.groundwork.beat;

import dev.groundwork.beat.compose.HarmonyWriter;
import dev.groundwork.beat.plan.BeatPlan;
import dev.groundwork.beat.plan.Feel;
import dev.groundwork.beat.plan.Note;
import dev.groundwork.beat.plan.Part;
import dev.groundwork.beat.plan.Section;
import dev.groundwork.beat.render.PartAudio;
import dev.groundwork.beat.render.RenderedBeat;
import dev.groundwork.beat.sound.LofiTape;
import dev.groundwork.beat.style.Genre;
import dev.groundwork.core.progress.ProgressListener;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** What a demanding beatmaker listens for per genre: kick density, harmonic rhythm, the lo-fi medium, the half-time rule. */
class GenreCharacterTest {

    /** Mean kicks per bar where the kick plays, over seeds 1..30. */
    static double kicksPerBar(String prompt) {
        double notes = 0, bars = 0;
        for (long seed = 1; seed <= 30; seed++) {
            Part k = BeatMaker.compose(prompt, seed).part("kick");
            Set<Integer> playing = new HashSet<>();
            for (Note n : k.notes()) playing.add((int) Math.floor(n.startBeats() / 4));
            notes += k.notes().size();
            bars += playing.size();
        }
        return notes / bars;
    }

    @Test
    void theTrapKickStaysSparseAndDarkNeverMakesItBusier() {
        double plain = kicksPerBar("trap 140 bpm F minor"), dark = kicksPerBar("dark trap 140 bpm F minor");
        double busy = kicksPerBar("busy trap 140 bpm F minor");
        // convention: about three kicks a bar (0, 7, 10); before this change plain and dark trap averaged 3.98
        assertTrue(plain >= 2.8 && plain <= 3.3, "trap kicks per bar " + plain);
        assertTrue(dark <= plain + 1e-9, "dark " + dark + " vs plain " + plain);
        assertTrue(busy > plain + 0.3, "a busy mood may fill in: " + busy + " vs " + plain);
        assertTrue(kicksPerBar("dark uk drill 142 bpm") <= 3.0);
    }

    /**
     * Slow R&B is heard at its written tempo: its kick, 808 and keys never strike an off-beat 8th (the "and", which
     * doubles the felt tempo), beat 3 has its kick in most bars, and the hats' off-beat 16ths are ghosts.
     */
    @Test
    void slowRnbKeepsItsWeightOnTheBeat() {
        int bars = 0, kickOnThree = 0;
        for (long seed = 1; seed <= 12; seed++) {
            BeatPlan plan = BeatMaker.compose("r&b 72 bpm Db major, 16 bars", seed);
            for (String name : List.of("kick", "bass", "chords")) {
                for (Note n : plan.part(name).notes()) {
                    double inBeat = n.startBeats() - Math.floor(n.startBeats());
                    assertNotEquals(0.5, inBeat, 1e-9, name + " on an off-beat 8th at beat " + n.startBeats() + " (seed " + seed + ")");
                }
            }
            Set<Integer> playing = new HashSet<>(), three = new HashSet<>();
            for (Note n : plan.part("kick").notes()) {
                int bar = (int) Math.floor(n.startBeats() / 4);
                playing.add(bar);
                if (Math.abs(n.startBeats() - 4 * bar - 2) < 1e-9) three.add(bar);
            }
            bars += playing.size();
            kickOnThree += three.size();
            for (Note n : plan.part("hats").notes()) {
                double inBeat = n.startBeats() - Math.floor(n.startBeats());
                boolean roll = n.lengthBeats() < 0.25 - 1e-9;
                if (!roll && inBeat > 1e-9) assertTrue(n.velocity() < 80, "hat off the beat is a ghost: " + n);
            }
        }
        assertTrue(kickOnThree >= 0.9 * bars, "kick on beat 3 in " + kickOnThree + " of " + bars + " bars");
    }

    /**
     * What kept a mastered 72 BPM R&B beat reading 108 or 144: trap hat rolls (an off-beat 8th start, then 1/32 or 1/16
     * triplets), ghost claps and 16th clap fills rising to the last 16th, an 808 doubling the kick's 16th pickups, and
     * ringing keys alone in the intro and outro. Now the clap and 808 strike only on the beat, hats do not roll and
     * leave the beat at most once a bar, and a snap on 2 and 4 keeps the pulse under the drumless sections.
     */
    @Test
    void slowRnbClapAnd808StayOnTheBeatAndTheIntroKeepsASnap() {
        for (long seed = 1; seed <= 12; seed++) {
            BeatPlan plan = BeatMaker.compose("r&b 72 bpm Db major", seed);
            for (String name : List.of("snare", "bass")) {
                for (Note n : plan.part(name).notes()) {
                    assertEquals(Math.rint(n.startBeats()), n.startBeats(), 1e-9, name + " off the beat: " + n + " (seed " + seed + ")");
                }
            }
            int[] offBeatHats = new int[plan.bars()];
            for (Note n : plan.part("hats").notes()) {
                assertTrue(n.lengthBeats() >= 0.25 - 1e-9, "a hat roll: " + n + " (seed " + seed + ")");
                if (n.startBeats() != Math.rint(n.startBeats())) offBeatHats[(int) Math.floor(n.startBeats() / 4)]++;
            }
            for (int bar = 0; bar < plan.bars(); bar++) assertTrue(offBeatHats[bar] <= 1, offBeatHats[bar] + " off-beat hats in bar " + bar);
            for (Section s : plan.sections()) {
                if (!s.name().equals("intro") && !s.name().equals("outro")) continue;
                assertTrue(s.parts().contains("snare") && !s.parts().contains("kick"), s.name() + " " + s.parts());
                Set<Double> where = new HashSet<>();
                for (Note n : plan.part("snare").notes()) {
                    double at = n.startBeats() - 4 * s.startBar();
                    if (at >= 0 && at < 4 * s.bars()) where.add(at % 4);
                }
                assertEquals(Set.of(1.0, 3.0), where, "the snap is on 2 and 4 in the " + s.name());
            }
        }
    }

    @Test
    void loFiLaysBackOnlyALittleAndKeepsItsTimingTight() {
        var groove = BeatMaker.compose("lo-fi 75 bpm E minor", 1).groove();
        // a wider lay-back or scatter blurred the 75 BPM pulse into 113 or 150 for an onset-based listener
        assertTrue(groove.offsetMs("snare") > 0 && groove.offsetMs("snare") <= 10, "snare lay-back " + groove.offsetMs("snare"));
        assertTrue(groove.humanizeMs() <= 3, "humanisation " + groove.humanizeMs());
        assertTrue(groove.swing() >= 0.58, "the swing carries the lazy feel: " + groove.swing());
    }

    @Test
    void halfTimeFeelIsExactlyTrapDrillAndDrumAndBass() {
        Set<Genre> half = new HashSet<>();
        for (Genre g : Genre.values()) if (g.halfTime) half.add(g);
        assertEquals(Set.of(Genre.TRAP, Genre.DRILL, Genre.DNB), half);
        assertTrue(Genre.TRAP.backbeatOnThree() && Genre.DRILL.backbeatOnThree());
        assertFalse(Genre.DNB.backbeatOnThree(), "drum and bass keeps its two-step snare on 2 and 4");
        assertTrue(BeatMaker.compose("dnb 174 bpm", 1).reading().contains("feel: half-time (two-step drums): a listener may count 87 BPM"));
        assertTrue(BeatMaker.compose("lo-fi 80 bpm", 1).reading().stream().noneMatch(r -> r.startsWith("feel: half-time")));
    }

    @Test
    void techDnbAndDrillHoldEachChordForTwoBarsOthersChangeEveryBar() {
        for (String prompt : List.of("techno 130 bpm E minor", "dnb 174 bpm D minor", "uk drill 142 bpm F# minor")) {
            BeatPlan plan = BeatMaker.compose(prompt, 4);
            int changes = 0;
            for (Section s : plan.sections()) {
                if (s.bars() < 4) continue;
                for (int b = s.startBar() + 1; b < s.endBar(); b++) {
                    boolean changed = !plan.chordAtBar(b).pitchClasses().equals(plan.chordAtBar(b - 1).pitchClasses());
                    int inSection = b - s.startBar();
                    if (inSection % 2 == 1 && b != plan.bars() - 1) assertFalse(changed, prompt + ": chord changed inside a two-bar chord at bar " + b);
                    if (changed) changes++;
                }
            }
            assertTrue(changes > 0, prompt + ": the harmony still moves");
        }
        assertEquals(1, HarmonyWriter.barsPerChord(Genre.BOOM_BAP, 8));
        assertEquals(1, HarmonyWriter.barsPerChord(Genre.TECHNO, 2), "a two-bar section still changes");
        BeatPlan house = BeatMaker.compose("house 124 bpm A minor 16 bars", 2);
        boolean everyBar = false;
        for (int b = 1; b < 4; b++) everyBar |= !house.chordAtBar(b).pitchClasses().equals(house.chordAtBar(b - 1).pitchClasses());
        assertTrue(everyBar, "house changes chords within its first two bars");
    }

    @Test
    void aHeldPadTiesOverTheBarLineOfATwoBarChord() {
        BeatPlan plan = BeatMaker.compose("dnb 174 bpm D minor", 1);
        assertEquals("pad", plan.part("chords").sound());
        double longest = plan.part("chords").notes().stream().mapToDouble(Note::lengthBeats).max().orElse(0);
        assertEquals(8.0, longest, 1e-9, "a two-bar chord is one held note of 8 beats, not two restruck bars");
    }

    @Test
    void loFiKickLandsOnOneAndThreeAndItsOffBeatKicksAreGhosts() {
        BeatPlan plan = BeatMaker.compose("lo-fi 75 bpm E minor", 1);
        int bars = 0, onThree = 0;
        for (int b = 0; b < plan.bars(); b++) {
            Set<Integer> steps = ComposerTest.steps(plan.part("kick"), b, 36);
            if (steps.isEmpty()) continue;
            bars++;
            if (steps.contains(0) && steps.contains(8)) onThree++;
        }
        assertTrue(bars >= 16);
        assertTrue(onThree >= 0.8 * bars, onThree + " of " + bars + " bars have the kick on 1 and 3");
        for (Note n : plan.part("kick").notes()) {
            if (n.startBeats() % 1 > 1e-9) assertTrue(n.velocity() < 80, "off-beat kick at " + n.startBeats() + " velocity " + n.velocity());
        }
    }

    /** Chords with every note removed: what is left in its audio is the medium itself. */
    static float[] chordsWithoutNotes(String prompt) {
        BeatPlan plan = BeatMaker.compose(prompt, 3);
        plan = plan.withParts(plan.parts().stream().map(p -> p.name().equals("chords") ? p.withNotes(List.of()) : p).toList());
        RenderedBeat r = BeatMaker.render(plan, ProgressListener.NONE);
        return r.parts().stream().filter(p -> p.name().equals("chords")).findFirst().map(PartAudio::samples).orElseThrow()[0];
    }

    @Test
    void loFiChordsCarryAVinylBedAtAHissFloorWithCrackle() {
        float[] bed = chordsWithoutNotes("lo-fi 80 bpm A minor 8 bars");
        double sum = 0, peak = 0;
        for (float v : bed) {
            sum += v * (double) v;
            peak = Math.max(peak, Math.abs(v));
        }
        double rmsDb = 10 * Math.log10(sum / bed.length);
        // hiss 0.0022 RMS before the dull top end, about -55 dBFS after it, plus crackle
        assertTrue(rmsDb > -60 && rmsDb < -45, "vinyl bed at " + rmsDb + " dBFS RMS");
        assertTrue(20 * Math.log10(peak) - rmsDb > 12, "crackle pops stand out of the hiss: crest " + (20 * Math.log10(peak) - rmsDb) + " dB");
        // and the same plan renders the same bed: seeded, not random per run
        assertArrayEquals(bed, chordsWithoutNotes("lo-fi 80 bpm A minor 8 bars"));
    }

    @Test
    void theMediumIsInThePlanAndTheProducerCanTakeItOff() {
        BeatPlan plan = BeatMaker.compose("lo-fi 80 bpm A minor 8 bars", 3);
        assertEquals(Feel.VINYL_TAPE, plan.feel().medium());
        assertTrue(plan.reading().stream().anyMatch(l -> l.startsWith("medium: vinyl and tape")), plan.reading().toString());
        Feel f = plan.feel();
        BeatPlan clean = plan.withFeel(new Feel(f.moods(), f.density(), f.registerShift(), f.brightness(), f.drive(), Feel.CLEAN, f.glide()))
                .withParts(plan.parts().stream().map(p -> p.name().equals("chords") ? p.withNotes(List.of()) : p).toList());
        float[] bed = BeatMaker.render(clean, ProgressListener.NONE).parts().stream().filter(p -> p.name().equals("chords"))
                .findFirst().map(PartAudio::samples).orElseThrow()[0];
        for (float v : bed) assertEquals(0f, v, "a clean medium leaves the emptied chords silent");
        assertEquals(Feel.CLEAN, BeatMaker.compose("boom bap 90 bpm A minor 8 bars", 3).feel().medium());
        assertThrows(IllegalArgumentException.class, () -> new Feel(f.moods(), 0.5, 0, 0.5, 0.1, "cassette", null));
    }

    @Test
    void otherGenresHaveNoVinylBed() {
        float[] none = chordsWithoutNotes("boom bap 90 bpm A minor 8 bars");
        for (float v : none) assertEquals(0f, v);
    }

    @Test
    void tapeWowSwingsThePitchByAFewCentsAndLoopsSeamlessly() {
        int sr = 44100, n = sr * 4;
        float[] x = new float[n];
        int cycles = 4000; // 1 kHz, a whole number of cycles in the buffer
        for (int i = 0; i < n; i++) x[i] = (float) Math.sin(2 * Math.PI * cycles * i / (double) n);
        LofiTape.wow(x, sr, 9, true);
        // instantaneous period from upward zero crossings
        double prev = -1, minHz = 1e9, maxHz = 0;
        for (int i = 1; i < n; i++) {
            if (x[i - 1] < 0 && x[i] >= 0) {
                double at = i - 1 + x[i - 1] / (double) (x[i - 1] - x[i]);
                if (prev >= 0) {
                    double hz = sr / (at - prev);
                    minHz = Math.min(minHz, hz);
                    maxHz = Math.max(maxHz, hz);
                }
                prev = at;
            }
        }
        double cents = 1200 * Math.log(maxHz / minHz) / Math.log(2);
        assertTrue(cents > 4 && cents < 20, "wow swing " + cents + " cents peak to peak");
        // the seam: the step from the last sample to the first is no bigger than any step inside
        double maxStep = 0;
        for (int i = 1; i < n; i++) maxStep = Math.max(maxStep, Math.abs(x[i] - x[i - 1]));
        assertTrue(Math.abs(x[0] - x[n - 1]) <= maxStep * 1.01, "seam step " + Math.abs(x[0] - x[n - 1]) + " vs " + maxStep);
    }

    @Test
    void metresAGenreIsNotPlayedInAreReportedIgnoredNotDroppedSilently() {
        var r = BeatMaker.read("house in 6/8, 124 bpm");
        assertEquals(List.of("6/8"), r.ignored());
        assertTrue(r.reading().contains("time signature: '6/8' asked, but house is a 4/4 grammar (its drums are built on the 4/4 bar): kept in 4/4 (ignored)"),
                r.reading().toString());
        assertTrue(BeatMaker.read("house in 4/4").ignored().isEmpty());
        assertEquals("4/4", BeatMaker.compose("trap waltz", 1).timeSignature());
        assertTrue(BeatMaker.read("afrobeats in 3/4").ignored().contains("3/4"));
        assertTrue(BeatMaker.read("lo-fi in 7/8").ignored().contains("7/8"));
        var both = BeatMaker.read("boom bap waltz in 6/8, 90 bpm");
        assertEquals("3/4", both.metre().label(), "the first metre asked for wins");
        assertEquals(List.of("6/8"), both.ignored());
        assertEquals("6/8", BeatMaker.compose("lo-fi in compound time", 1).timeSignature());
        assertEquals("12/8", BeatMaker.compose("afrobeats 12/8", 1).timeSignature());
    }
}
