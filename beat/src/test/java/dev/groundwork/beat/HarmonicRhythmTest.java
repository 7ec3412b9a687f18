package dev.groundwork.beat;

import dev.groundwork.beat.plan.BeatPlan;
import dev.groundwork.beat.plan.Chord;
import dev.groundwork.beat.plan.Note;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Turnarounds: two chords in the last bar of a four-bar phrase, with the bass and the melody following them. */
class HarmonicRhythmTest {

    private static Chord chordAt(BeatPlan plan, double beat) {
        int bar = (int) Math.floor(beat / plan.barBeats() + 1e-9);
        return Chord.at(plan.chords(), bar, beat - bar * plan.barBeats());
    }

    @ParameterizedTest
    @CsvSource({"'r&b 80 bpm C minor, verse, hook, 16 bars', 2.0", "'boom bap 90 bpm F major 16 bars', 2.0",
            "'afrobeats 104 bpm A minor 16 bars', 2.0", "'r&b 72 bpm D minor in 6/8, 16 bars', 1.5", "'boom bap 88 bpm 12/8 16 bars', 3.0"})
    void phrasesEndOnAHalfBarTurnaroundToTheDominant(String prompt, double half) {
        BeatPlan plan = BeatMaker.compose(prompt, 11);
        double bb = plan.barBeats();
        for (int bar = 0; bar < plan.bars(); bar++) {
            final int b = bar;
            List<Chord> inBar = plan.chords().stream().filter(c -> c.bar() == b).toList();
            boolean phraseEnd = (bar - plan.sectionAtBar(bar).startBar()) % 4 == 3 && bar < plan.bars() - 1;
            assertEquals(phraseEnd ? 2 : 1, inBar.size(), "chords in bar " + bar);
            if (!phraseEnd) continue;
            Chord dom = inBar.get(1);
            assertEquals(half, dom.beat(), 1e-12);
            assertEquals(4, dom.degree(), "the second chord is the dominant");
            assertNotEquals(inBar.get(0).root(), dom.root(), "the turnaround changes the chord");
            // the bass moves with it: the dominant's root at the half bar
            double change = bar * bb + half;
            if (plan.sectionAtBar(bar).parts().contains("bass")) {
                Note n = plan.part("bass").notes().stream().filter(x -> Math.abs(x.startBeats() - change) < 1e-9).findFirst()
                        .orElseThrow(() -> new AssertionError("no bass note at the change in bar " + b));
                assertEquals(Math.floorMod(dom.root(), 12), Math.floorMod(n.pitch(), 12), "bass root of " + dom.symbol());
            }
        }
        // the song ends on the tonic, alone
        Chord last = plan.chords().get(plan.chords().size() - 1);
        assertEquals(0, last.degree());
        assertEquals(0.0, last.beat());
        // chord tones on the strong beats of the melody, under whichever chord sounds there
        if (plan.hasPart("melody")) {
            double pulse = plan.metre().pulseBeats();
            int strong = 0;
            for (Note n : plan.part("melody").notes()) {
                double inPulse = n.startBeats() / pulse;
                if (Math.abs(inPulse - Math.rint(inPulse)) > 1e-9) continue;
                strong++;
                assertTrue(chordAt(plan, n.startBeats()).contains(n.pitch()),
                        "melody " + n.pitch() + " at " + n.startBeats() + " over " + chordAt(plan, n.startBeats()).symbol());
            }
            assertTrue(strong > 8, "strong-beat melody notes: " + strong);
        }
        // the chord part strikes the dominant where it comes in
        for (Chord c : plan.chords()) {
            if (c.beat() == 0 || !plan.sectionAtBar(c.bar()).parts().contains("chords")) continue;
            double change = c.bar() * bb + c.beat();
            List<Note> struck = plan.part("chords").notes().stream().filter(n -> Math.abs(n.startBeats() - change) < 1e-9).toList();
            assertFalse(struck.isEmpty(), "chord struck at " + change);
            assertTrue(struck.stream().allMatch(n -> c.contains(n.pitch())), "voicing of " + c.symbol());
            assertTrue(plan.part("chords").notes().stream().noneMatch(n -> n.startBeats() < change - 1e-9 && n.endBeats() > change + 1e-9),
                    "the chord before is not held over the change at " + change);
        }
    }

    @Test
    void fourOnTheFloorAndHalfTimeGenresKeepOneChordPerBarOrSlower() {
        for (String prompt : new String[]{"techno 130 bpm 16 bars", "trap 140 bpm 16 bars", "house 124 bpm 16 bars"}) {
            BeatPlan plan = BeatMaker.compose(prompt, 5);
            assertTrue(plan.chords().stream().allMatch(c -> c.beat() == 0), prompt);
        }
    }
}
