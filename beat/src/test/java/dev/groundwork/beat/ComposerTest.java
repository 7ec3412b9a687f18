package dev.groundwork.beat;

import dev.groundwork.beat.perform.PerformedNote;
import dev.groundwork.beat.perform.Performer;
import dev.groundwork.beat.plan.BeatPlan;
import dev.groundwork.beat.plan.Note;
import dev.groundwork.beat.plan.Part;
import dev.groundwork.beat.plan.Section;
import dev.groundwork.beat.theory.Key;
import dev.groundwork.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

class ComposerTest {

    /** 16th-step indices (0-15) of a part's notes in a bar, on the straight grid. */
    static Set<Integer> steps(Part p, int bar, int pitch) {
        Set<Integer> out = new TreeSet<>();
        for (Note n : p.notes()) {
            double rel = n.startBeats() - bar * 4.0;
            if (rel < 0 || rel >= 4 || (pitch >= 0 && n.pitch() != pitch)) continue;
            double s = rel * 4;
            if (Math.abs(s - Math.round(s)) < 1e-9) out.add((int) Math.round(s));
        }
        return out;
    }

    static List<Integer> barsPlaying(BeatPlan plan, String part) {
        return java.util.stream.IntStream.range(0, plan.bars()).filter(b -> plan.sectionAtBar(b).parts().contains(part)).boxed().toList();
    }

    @Test
    void houseKickIsFourOnTheFloorInEveryBarItPlays() {
        BeatPlan plan = BeatMaker.compose("house 124 bpm A minor", 11);
        List<Integer> bars = barsPlaying(plan, "kick");
        assertTrue(bars.size() >= 16);
        for (int b : bars) assertTrue(steps(plan.part("kick"), b, 36).containsAll(Set.of(0, 4, 8, 12)), "bar " + b);
    }

    @Test
    void trapBackbeatLandsOnBeatThreeStepEight() {
        BeatPlan plan = BeatMaker.compose("trap 140 bpm", 5);
        List<Integer> bars = barsPlaying(plan, "snare");
        assertFalse(bars.isEmpty());
        for (int b : bars) {
            Set<Integer> s = steps(plan.part("snare"), b, -1);
            assertTrue(s.contains(8), "bar " + b + " snare steps " + s);
            assertFalse(s.contains(4) || s.contains(12), "half-time: no snare on 2 or 4, bar " + b);
        }
    }

    @Test
    void reggaetonSnarePlaysTheDembow() {
        BeatPlan plan = BeatMaker.compose("reggaeton 95 bpm", 8);
        for (int b : barsPlaying(plan, "snare")) {
            assertTrue(steps(plan.part("snare"), b, -1).containsAll(Set.of(3, 6, 11, 14)), "dembow in bar " + b);
        }
        for (int b : barsPlaying(plan, "kick")) assertTrue(steps(plan.part("kick"), b, 36).containsAll(Set.of(0, 4, 8, 12)));
    }

    @Test
    void trapHatsRollFasterThanSixteenths() {
        BeatPlan plan = BeatMaker.compose("trap 140 bpm", 2);
        List<Note> hats = plan.part("hats").notes().stream().filter(n -> n.pitch() == 42).toList();
        long rollGaps = 0;
        for (int i = 1; i < hats.size(); i++) {
            double gap = hats.get(i).startBeats() - hats.get(i - 1).startBeats();
            if (gap > 1e-9 && gap < 0.2) rollGaps++;
        }
        assertTrue(rollGaps >= 20, "roll notes closer than a 16th: " + rollGaps);
    }

    @Test
    void boomBapHatsSwingAtTheAskedRatio() {
        BeatPlan plan = BeatMaker.compose("boom bap 90 bpm, 58% swing", 4);
        double sum = 0;
        int n = 0;
        List<Note> score = plan.part("hats").notes();
        List<PerformedNote> played = Performer.perform(plan, plan.part("hats"));
        double off = plan.groove().offsetMs("hats") / 1000 / plan.secondsPerBeat();
        for (int i = 0; i < score.size(); i++) {
            double s = score.get(i).startBeats() * 4;
            if (Math.abs(s - Math.round(s)) > 1e-9 || Math.round(s) % 2 == 0) continue;
            sum += played.get(i).startBeats() - score.get(i).startBeats() - off;
            n++;
        }
        assertTrue(n > 30, "enough off-16th hats to measure: " + n);
        double delay = sum / n;
        double ratio = (0.25 + delay) / 0.5; // share of the 8th the first 16th takes
        assertEquals(0.58, ratio, 0.01, "swing ratio");
    }

    @ParameterizedTest
    @ValueSource(strings = {"trap F minor", "boom bap Eb major", "lo-fi A dorian", "house C minor", "reggaeton G minor",
            "afrobeats Bb minor", "techno E phrygian", "drum and bass D minor", "r&b Db major", "uk drill F# minor",
            "dreamy trap D lydian", "trap G mixolydian"})
    void pitchedNotesStayInTheKeyUnlessMarkedChromatic(String prompt) {
        BeatPlan plan = BeatMaker.compose(prompt, 21);
        int pitched = 0, chromatic = 0;
        for (Part p : plan.parts()) {
            if (!p.role().pitched()) continue;
            for (Note n : p.notes()) {
                int bar = (int) (n.startBeats() / 4);
                Key k = plan.keyAtBar(bar);
                pitched++;
                if (n.chromatic()) chromatic++;
                else assertTrue(k.contains(n.pitch()), p.name() + " note " + n.pitch() + " at bar " + bar + " is outside " + k);
            }
        }
        assertTrue(pitched > 50);
        assertTrue(chromatic < pitched / 10, "chromatic notes are the exception: " + chromatic + "/" + pitched);
    }

    @Test
    void bassAndEightOhEightStayInTheRegisterAndGlide() {
        BeatPlan plan = BeatMaker.compose("uk drill 142 bpm F# minor", 9);
        List<Note> bass = plan.part("bass").notes();
        assertFalse(bass.isEmpty());
        for (Note n : bass) assertTrue(n.pitch() >= 28 && n.pitch() <= 40, "808 at " + n.pitch());
        assertTrue(bass.stream().anyMatch(n -> n.glideFrom() != null), "drill 808s glide");
    }

    @Test
    void theSongEndsOnTheTonicAndStartsOnIt() {
        BeatPlan plan = BeatMaker.compose("trap A minor", 3);
        assertEquals(0, plan.chords().get(0).degree());
        assertEquals(0, plan.chords().get(plan.bars() - 1).degree());
        assertEquals(9, plan.chords().get(plan.bars() - 1).root());
    }

    @Test
    void partsEnterWithTheEnergyAndExcludedPartsAreAbsent() {
        BeatPlan plan = BeatMaker.compose("trap, intro, verse, hook, outro, no melody", 1);
        assertFalse(plan.hasPart("melody"));
        Section intro = plan.sections().get(0), hook = plan.sections().get(2);
        assertFalse(intro.parts().contains("kick"), "drums wait for the verse");
        assertTrue(hook.parts().containsAll(List.of("kick", "snare", "hats", "bass", "chords")));
        assertEquals(List.of("intro", "verse", "hook", "outro"), plan.sections().stream().map(Section::name).toList());
    }

    @Test
    void lengthInBarsOrTimeIsHonoured() {
        assertEquals(24, BeatMaker.compose("house 24 bars", 1).bars());
        BeatPlan timed = BeatMaker.compose("boom bap 90 bpm 2 minutes", 1);
        // 120 s at 90 BPM = 45 bars of 4/4: whole four-bar phrases, 44 bars (117.3 s), every section a multiple of four
        assertEquals(44, timed.bars());
        assertTrue(timed.sections().stream().allMatch(s -> s.bars() % 4 == 0), timed.sections().toString());
        assertTrue(timed.reading().contains("length: 44 bars, 117.3 s at 90 BPM (120 s asked; whole four-bar phrases)"), timed.reading().toString());
        BeatPlan long3 = BeatMaker.compose("dark trap 150bpm, 3 minutes long", 1);
        assertEquals(112, long3.bars());
        assertTrue(long3.sections().stream().allMatch(s -> s.bars() % 4 == 0), long3.sections().toString());
        assertEquals(113, BeatMaker.compose("dark trap 150bpm, 113 bars", 1).bars(), "bars asked for in bars are kept exactly");
        // a shorter time: 90 s at 90 BPM is 33.75 bars, 32 bars of phrases over six sections (it made a 3-bar intro and outro)
        BeatPlan short90 = BeatMaker.compose("boom bap 90 bpm, 90 seconds", 1);
        assertEquals(32, short90.bars());
        assertTrue(short90.sections().stream().allMatch(s -> s.bars() % 4 == 0), short90.sections().toString());
        assertEquals(8, BeatMaker.compose("trap loop", 1).bars());
        assertTrue(BeatMaker.compose("trap loop", 1).loop());
    }

    @Test
    void moodWordsSteerModeRegisterAndDensity() {
        BeatPlan dark = BeatMaker.compose("dark trap 140 bpm", 5), happy = BeatMaker.compose("happy trap 140 bpm", 5);
        assertTrue(dark.key().mode().isMinorFamily());
        assertFalse(happy.key().mode().isMinorFamily());
        double darkMean = dark.part("melody").notes().stream().mapToInt(Note::pitch).average().orElseThrow();
        double happyMean = happy.part("melody").notes().stream().mapToInt(Note::pitch).average().orElseThrow();
        assertTrue(happyMean - darkMean >= 2, "happy melody sits higher: " + happyMean + " vs " + darkMean);
        int sparse = BeatMaker.compose("minimal lo-fi 80 bpm", 5).part("melody").notes().size();
        int busy = BeatMaker.compose("busy lo-fi 80 bpm", 5).part("melody").notes().size();
        assertTrue(busy > sparse * 1.3, "busy " + busy + " vs minimal " + sparse);
    }

    @Test
    void oneSeedGivesTheSamePlanAndAnotherSeedADifferentOne() {
        String a = Json.write(BeatMaker.compose("dark trap 140 bpm F minor", 7));
        String b = Json.write(BeatMaker.compose("dark trap 140 bpm F minor", 7));
        String c = Json.write(BeatMaker.compose("dark trap 140 bpm F minor", 8));
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void aPlanSurvivesItsJsonRoundTrip() {
        BeatPlan plan = BeatMaker.compose("lo-fi A dorian 16 bars", 2);
        String json = Json.write(plan);
        BeatPlan back = Json.MAPPER.convertValue(Json.MAPPER.valueToTree(plan), BeatPlan.class);
        assertEquals(json, Json.write(back));
        assertTrue(json.contains("\"tempo_bpm\"") && json.contains("\"key\" : \"A dorian\"") && json.contains("\"time_signature\" : \"4/4\""));
    }
}
