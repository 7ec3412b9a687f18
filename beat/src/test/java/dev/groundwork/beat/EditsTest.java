package dev.groundwork.beat;

import dev.groundwork.beat.plan.BeatPlan;
import dev.groundwork.beat.plan.Note;
import dev.groundwork.beat.plan.Part;
import dev.groundwork.beat.plan.Section;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class EditsTest {
    private final BeatPlan plan = BeatMaker.compose("trap 140 bpm F minor", 4);

    @Test
    void regeneratingOnePartLeavesEveryOtherPartUntouched() {
        BeatPlan edited = BeatMaker.regenerate(plan, "melody", 99);
        assertNotEquals(plan.part("melody").notes(), edited.part("melody").notes());
        for (Part p : plan.parts()) {
            if (!p.name().equals("melody")) assertEquals(p, edited.part(p.name()), p.name() + " is locked");
        }
        assertEquals(plan.chords(), edited.chords());
        // Regenerating with the same seed is repeatable.
        assertEquals(edited, BeatMaker.regenerate(plan, "melody", 99));
    }

    @Test
    void droppingHatsInTheHookRemovesExactlyThoseNotes() {
        BeatPlan edited = BeatMaker.drop(plan, "hats", "hook");
        for (Section s : edited.sections()) {
            boolean hook = s.name().equals("hook");
            assertEquals(!hook && plan.sections().get(edited.sections().indexOf(s)).parts().contains("hats"), s.parts().contains("hats"));
            long inside = edited.part("hats").notes().stream()
                    .filter(n -> n.startBeats() >= s.startBar() * 4.0 && n.startBeats() < s.endBar() * 4.0).count();
            if (hook) assertEquals(0, inside, "no hats in " + s.name() + " at bar " + s.startBar());
        }
        assertTrue(edited.part("hats").notes().size() > 0);
    }

    @Test
    void addingAPartInOneSectionWritesItOnlyThere() {
        BeatPlan edited = BeatMaker.add(plan, "perc", "hook:last");
        Section last = edited.sections().get(BeatMaker.select(edited, "hook:last").get(0));
        assertTrue(last.parts().contains("perc"));
        List<Note> perc = edited.part("perc").notes();
        assertFalse(perc.isEmpty());
        for (Note n : perc) assertTrue(n.startBeats() >= last.startBar() * 4.0 && n.startBeats() < last.endBar() * 4.0);
    }

    @Test
    void transposingTheLastHookMovesItsKeyChordsAndNotesButNotTheDrums() {
        BeatPlan edited = BeatMaker.transpose(plan, 2, "hook:last");
        int idx = BeatMaker.select(plan, "hook:last").get(0);
        Section from = edited.sections().get(idx);
        assertEquals(2, from.transposeSemitones());
        assertEquals(0, edited.sections().get(idx - 1).transposeSemitones());
        assertEquals("G minor", edited.keyAtBar(from.startBar()).name());
        assertEquals(plan.part("kick"), edited.part("kick"));
        int bar = from.startBar();
        assertEquals(Math.floorMod(plan.chordAtBar(bar).root() + 2, 12), edited.chordAtBar(bar).root());
        List<Note> before = plan.part("chords").notes(), after = edited.part("chords").notes();
        for (int i = 0; i < before.size(); i++) {
            int expect = before.get(i).startBeats() >= bar * 4.0 ? 2 : 0;
            assertEquals(before.get(i).pitch() + expect, after.get(i).pitch());
        }
        for (Note n : edited.part("bass").notes()) assertTrue(n.pitch() >= 28 && n.pitch() <= 40);
    }

    @Test
    void tempoAndSoundChangesAreCheckedAndRecorded() {
        BeatPlan faster = BeatMaker.tempo(plan, 150);
        assertEquals(150, faster.tempoBpm());
        assertEquals(plan.parts(), faster.parts());
        assertThrows(IllegalArgumentException.class, () -> BeatMaker.tempo(plan, 500));
        BeatPlan piano = BeatMaker.sound(plan, "chords", "piano");
        assertEquals("piano", piano.part("chords").sound());
        assertEquals(0, piano.part("chords").midiProgram());
        assertThrows(IllegalArgumentException.class, () -> BeatMaker.sound(plan, "kick", "piano"));
        assertTrue(piano.reading().get(piano.reading().size() - 1).contains("piano"));
    }

    @Test
    void sectionSelectorsNameWhatTheyMean() {
        assertEquals(List.of(2, 4), BeatMaker.select(plan, "hook"));
        assertEquals(List.of(4), BeatMaker.select(plan, "hook:last"));
        assertEquals(List.of(1), BeatMaker.select(plan, "verse:1"));
        assertEquals(List.of(2), BeatMaker.select(plan, "3"));
        assertThrows(IllegalArgumentException.class, () -> BeatMaker.select(plan, "bridge"));
        assertThrows(IllegalArgumentException.class, () -> BeatMaker.select(plan, "hook:3"));
    }
}
