package dev.groundwork.beat;

import dev.groundwork.beat.plan.BeatPlan;
import dev.groundwork.beat.plan.Section;
import dev.groundwork.beat.prompt.BeatRequest;
import dev.groundwork.beat.prompt.PromptException;
import dev.groundwork.beat.prompt.PromptParser;
import dev.groundwork.beat.prompt.SectionEdit;
import dev.groundwork.beat.prompt.SectionEdit.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The arrangement moves a prompt can ask for ("no hats in the intro", "key change before the last chorus") are the
 * producer's edits (--drop, --add, --transpose) made on the composed beat. Before, their words were ignored, and
 * "no hats in the intro" left the hats out of the whole beat.
 */
class PromptEditsTest {

    /** prompt | kind | part | semitones | selector */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            trap, no hats in the intro                              | DROP      | hats   | 0  | intro
            trap, drop the 808 in the last hook                     | DROP      | bass   | 0  | hook:last
            trap, without melody during the second verse            | DROP      | melody | 0  | verse:2
            house, add perc in every drop                           | ADD       | perc   | 0  | drop
            trap, bring in the piano for the final chorus           | ADD       | chords | 0  | chorus:last
            trap, melody only in the hook                           | ONLY      | melody | 0  | hook
            trap, no bass in the intro and the outro                | DROP      | bass   | 0  | intro,outro
            trap, melody only in the first verse, and last hook     | ONLY      | melody | 0  | verse:first,hook:last
            trap, the bells just in the last chorus                 | ONLY      | melody | 0  | chorus:last
            trap, key change before the last chorus                 | TRANSPOSE | -      | 2  | chorus:last
            trap, key change up a half step for the last hook       | TRANSPOSE | -      | 1  | hook:last
            trap, modulate down 3 semitones at the second hook      | TRANSPOSE | -      | -3 | hook:2
            trap, up a whole step into the final chorus             | TRANSPOSE | -      | 2  | chorus:last
            trap, key change up 3 before the last hook              | TRANSPOSE | -      | 3  | hook:last
            """)
    void aPromptNamesAnArrangementMove(String prompt, Kind kind, String part, int semitones, String selector) {
        BeatRequest r = PromptParser.parse(prompt);
        assertEquals(1, r.edits().size(), r.edits().toString());
        SectionEdit e = r.edits().get(0);
        assertEquals(kind, e.kind());
        assertEquals("-".equals(part) ? null : part, e.part());
        assertEquals(semitones, e.semitones());
        assertEquals(selector, e.selector());
        assertTrue(r.exclude().isEmpty(), "a move in one section leaves nothing out of the whole beat: " + r.exclude());
        assertEquals(List.of(), r.ignored());
    }

    @Test
    void noDrumsInTheOutroDropsEveryDrumPart() {
        List<SectionEdit> edits = PromptParser.parse("boom bap, no drums in the outro").edits();
        // one edit for the group; BeatMaker makes it on the drum parts the beat plays
        assertEquals(List.of(BeatMaker.DRUMS), edits.stream().map(SectionEdit::part).toList());
        assertTrue(edits.stream().allMatch(e -> e.kind() == Kind.DROP && e.selector().equals("outro")));
        BeatPlan plan = BeatMaker.compose("boom bap, perc, no drums in the outro", 1);
        assertEquals(List.of("kick", "snare", "hats", "perc"), BeatMaker.drumParts(plan));
        int outro = BeatMaker.select(plan, "outro").get(0);
        for (String drum : BeatMaker.drumParts(plan)) assertFalse(plan.sections().get(outro).parts().contains(drum), drum);
    }

    @Test
    void theComposedBeatHonoursTheMoves() {
        String prompt = "dark trap, 140 bpm, F minor, no hats in the hook, key change before the last chorus";
        BeatPlan plan = BeatMaker.compose(prompt, 3);
        BeatPlan plain = BeatMaker.compose("dark trap, 140 bpm, F minor", 3);
        // the same beat as without the moves, with exactly the moves made (the CLI's --drop hats@hook --transpose +2@hook:last)
        BeatPlan byHand = BeatMaker.transpose(BeatMaker.drop(plain, "hats", "hook"), 2, "hook:last");
        assertEquals(byHand.sections(), plan.sections());
        assertEquals(byHand.parts(), plan.parts());
        assertEquals(byHand.chords(), plan.chords());
        for (Section s : plan.sections()) {
            if (s.name().equals("hook")) assertFalse(s.parts().contains("hats"), "hats left out of the hook at bar " + s.startBar());
        }
        int last = BeatMaker.select(plan, "hook:last").get(0);
        assertEquals(2, plan.sections().get(last).transposeSemitones());
        assertEquals(0, plan.sections().get(last - 1).transposeSemitones());
        assertEquals("G minor", plan.keyAtBar(plan.sections().get(last).startBar()).name());
        assertTrue(plan.reading().stream().anyMatch(l -> l.startsWith("key change: +2 semitones from the last chorus")), plan.reading().toString());
        assertEquals(plan, BeatMaker.compose(prompt, 3), "the same prompt and seed give the same plan");
    }

    @Test
    void onlyInTheHookKeepsThePartToTheHooks() {
        BeatPlan plan = BeatMaker.compose("trap 140 bpm, melody only in the hook", 2);
        BeatPlan plain = BeatMaker.compose("trap 140 bpm", 2);
        for (int i = 0; i < plan.sections().size(); i++) {
            Section s = plan.sections().get(i);
            assertEquals(s.name().equals("hook"), s.parts().contains("melody"), s.name() + " at bar " + s.startBar());
            double from = s.startBar() * plan.barBeats(), to = s.endBar() * plan.barBeats();
            long notes = plan.part("melody").notes().stream().filter(n -> n.startBeats() >= from && n.startBeats() < to).count();
            if (!s.name().equals("hook")) assertEquals(0, notes, "no melody notes in " + s.name());
            // the hooks keep the melody the plain beat has there, note for note
            if (s.name().equals("hook")) {
                assertEquals(plain.part("melody").notes().stream().filter(n -> n.startBeats() >= from && n.startBeats() < to).toList(),
                        plan.part("melody").notes().stream().filter(n -> n.startBeats() >= from && n.startBeats() < to).toList());
            }
        }
        assertTrue(plain.sections().stream().anyMatch(s -> !s.name().equals("hook") && s.parts().contains("melody")),
                "the plain beat plays the melody outside the hooks too, so the test tests something");
    }

    @Test
    void severalSectionsInOnePhraseAreOneSelection() {
        BeatPlan plan = BeatMaker.compose("trap 140 bpm, no hats in the first verse and the last hook", 5);
        List<Integer> picked = BeatMaker.select(plan, "verse:first,hook:last");
        assertEquals(List.of(BeatMaker.select(plan, "verse:first").get(0), BeatMaker.select(plan, "hook:last").get(0)), picked);
        for (int i = 0; i < plan.sections().size(); i++) {
            Section s = plan.sections().get(i);
            if (picked.contains(i)) assertFalse(s.parts().contains("hats"), s.name() + " at bar " + s.startBar());
            else if (s.name().equals("verse") || s.name().equals("hook")) assertTrue(s.parts().contains("hats"), s.name() + " at bar " + s.startBar());
        }
        assertTrue(plan.reading().contains("arrangement: leave hats out of the first verse and the last hook ('no hats in the first verse and the last hook')"),
                plan.reading().toString());
    }

    @Test
    void chorusHookAndDropStandInForEachOther() {
        BeatPlan trap = BeatMaker.compose("trap 140 bpm, no 808 in the last drop", 1);
        int hook = BeatMaker.select(trap, "hook:last").get(0);
        assertEquals(List.of(hook), BeatMaker.select(trap, "drop:last"));
        assertFalse(trap.sections().get(hook).parts().contains("bass"));
        BeatPlan house = BeatMaker.compose("house 124 bpm", 1);
        assertEquals(BeatMaker.select(house, "drop"), BeatMaker.select(house, "chorus"));
        assertEquals(BeatMaker.select(house, "drop"), BeatMaker.select(house, "hook"));
    }

    @Test
    void aSectionTheFormLacksIsAClearPromptError() {
        PromptException e = assertThrows(PromptException.class, () -> BeatMaker.compose("trap, no melody in the bridge", 1));
        assertEquals("'no melody in the bridge': no section 'bridge' (sections: intro, verse, hook, outro)", e.getMessage());
        PromptException twice = assertThrows(PromptException.class, () -> BeatMaker.compose("house 124 bpm, no bass in the second drop", 1));
        assertTrue(twice.getMessage().contains("there is one 'drop' section, not 2"), twice.getMessage());
    }

    @Test
    void onlyBringsInAPartTheGenreLeftOutButNotOneThePromptLeftOut() {
        BeatPlan plain = BeatMaker.compose("trap", 1);
        assertFalse(plain.hasPart("perc"), "trap writes no percussion by default");
        BeatPlan plan = BeatMaker.compose("trap, perc only in the hook", 1);
        assertTrue(plan.hasPart("perc"));
        java.util.List<Integer> hooks = BeatMaker.select(plan, "hook");
        for (int i = 0; i < plan.sections().size(); i++) {
            assertEquals(hooks.contains(i), plan.sections().get(i).parts().contains("perc"), "section " + plan.sections().get(i).name());
        }
        assertFalse(plan.part("perc").notes().isEmpty(), "the percussion plays in the hooks");

        BeatPlan refused = BeatMaker.compose("trap, no perc, perc only in the hook", 1);
        assertFalse(refused.hasPart("perc"));
        assertTrue(refused.reading().stream().anyMatch(l -> l.contains("the prompt leaves the perc out")), refused.reading().toString());
    }

    @Test
    void aPartTheBeatLeftOutIsSaidNotFailed() {
        BeatPlan plan = BeatMaker.compose("trap, no melody, no melody in the intro", 1);
        assertFalse(plan.hasPart("melody"));
        assertTrue(plan.reading().stream().anyMatch(l -> l.contains("this beat has no melody to leave out")), plan.reading().toString());
    }

    /** Before: --drop drums@intro failed with "no part named 'drums'" although --keep drums and the prompt took the word. */
    @Test
    void droppingDrumsLeavesEveryDrumPartOutOfTheSectionsAndNothingElse() {
        BeatPlan plan = BeatMaker.compose("trap 140 bpm, perc", 2);
        BeatPlan dropped = BeatMaker.drop(plan, BeatMaker.DRUMS, "intro");
        int intro = BeatMaker.select(plan, "intro").get(0);
        assertEquals(java.util.List.of("kick", "snare", "hats", "perc"), BeatMaker.drumParts(plan));
        for (String drum : BeatMaker.drumParts(plan)) {
            assertFalse(dropped.sections().get(intro).parts().contains(drum), drum);
            assertTrue(dropped.sections().get(intro + 1).parts().contains(drum) == plan.sections().get(intro + 1).parts().contains(drum), drum);
        }
        assertEquals(plan.part("bass").notes(), dropped.part("bass").notes(), "the bass is no drum");
        assertEquals(plan.sections().get(intro).parts().contains("chords"), dropped.sections().get(intro).parts().contains("chords"));
        assertThrows(IllegalArgumentException.class, () -> BeatMaker.drop(BeatMaker.compose("trap, no drums", 2), BeatMaker.DRUMS, "intro"));

        // the other edits take the word too: each drum part, nothing else
        BeatPlan back = BeatMaker.add(dropped, BeatMaker.DRUMS, "intro");
        for (String drum : BeatMaker.drumParts(plan)) assertTrue(back.sections().get(intro).parts().contains(drum), drum);
        BeatPlan kit = BeatMaker.sound(plan, BeatMaker.DRUMS, "drill-kit");
        for (String drum : BeatMaker.drumParts(plan)) assertEquals("drill-kit", kit.part(drum).sound(), drum);
        assertEquals(plan.part("bass").sound(), kit.part("bass").sound());
        BeatPlan again = BeatMaker.regenerate(plan, BeatMaker.DRUMS, 9);
        assertNotEquals(plan.part("kick").notes(), again.part("kick").notes(), "the kick is written again");
        assertEquals(plan.part("melody").notes(), again.part("melody").notes(), "the melody is no drum");
    }

    /** Before: "no drums in the intro" on a beat without percussion added "this beat has no perc to leave out". */
    @Test
    void aDrumGroupDropsTheDrumPartsTheBeatPlaysWithoutNewsOfTheOthers() {
        BeatPlan plan = BeatMaker.compose("lo-fi 80 bpm, no drums in the intro", 1);
        assertFalse(plan.hasPart("perc"), "the case: lo-fi writes no percussion");
        int intro = BeatMaker.select(plan, "intro").get(0);
        for (String drum : new String[]{"kick", "snare", "hats"}) assertFalse(plan.sections().get(intro).parts().contains(drum), drum);
        assertTrue(plan.reading().stream().noneMatch(l -> l.contains("to leave out")), plan.reading().toString());
        // a part named on its own that the beat lacks is still said
        BeatPlan perc = BeatMaker.compose("lo-fi 80 bpm, no perc in the intro", 1);
        assertTrue(perc.reading().stream().anyMatch(l -> l.contains("this beat has no perc to leave out")), perc.reading().toString());
    }

    /** Ways producers say it that used to leave their words ignored and the part playing. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "trap, take the hats out of the intro | hats   | intro",
            "trap, kill the 808 in the last hook  | bass   | hook:last",
            "trap, bass drops out in the outro    | bass   | outro",
            "trap, no melody until the first hook | melody | until:hook:first",
            "trap, the 808 comes in at the hook   | bass   | until:hook",
            "trap, drums come in after the intro  | kick   | through:intro",
            "trap, bass and drums drop out in the outro | bass | outro",
            "trap, bass and drums drop out in the outro | kick | outro",
            "trap beat with hats that drop out for the hook | hats | hook"})
    void moreWaysToLeaveAPartOut(String prompt, String part, String selector) {
        BeatPlan plan = BeatMaker.compose(prompt, 1);
        assertEquals(java.util.List.of(), plan.ignored(), plan.reading().toString());
        java.util.List<Integer> out = BeatMaker.select(plan, selector);
        for (int i = 0; i < plan.sections().size(); i++) {
            boolean plays = plan.sections().get(i).parts().contains(part);
            if (out.contains(i)) assertFalse(plays, part + " in section " + (i + 1));
        }
        assertTrue(plan.sections().stream().anyMatch(s -> s.parts().contains(part)), part + " still plays elsewhere");
    }

    @Test
    void untilAndThroughSelectTheSectionsBeforeAndUpToTheOneNamed() {
        BeatPlan plan = BeatMaker.compose("trap 140 bpm", 1); // intro, verse, hook, verse, hook, outro
        assertEquals(java.util.List.of(0, 1), BeatMaker.select(plan, "until:hook"));
        assertEquals(java.util.List.of(0, 1, 2, 3), BeatMaker.select(plan, "until:hook:last"));
        assertEquals(java.util.List.of(0, 1), BeatMaker.select(plan, "through:verse:first"));
        assertThrows(IllegalArgumentException.class, () -> BeatMaker.select(plan, "until:intro"), "nothing comes before the intro");
    }

    /** Review: "take" and "leave" without "out" keep the part ("leave the drums in the intro" means the opposite of a drop). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"trap, leave the drums in the intro", "trap, leave the melody for the hook",
            "trap, take the piano in the hook"})
    void takeAndLeaveWithoutOutDropNothing(String prompt) {
        BeatPlan plan = BeatMaker.compose(prompt, 1);
        BeatPlan plain = BeatMaker.compose("trap", 1);
        assertTrue(plan.reading().stream().noneMatch(l -> l.startsWith("edit: dropped") || l.startsWith("arrangement:")), plan.reading().toString());
        for (int i = 0; i < plan.sections().size(); i++) {
            assertTrue(plan.sections().get(i).parts().containsAll(plain.sections().get(i).parts()), "section " + (i + 1) + " lost a part");
        }
    }

    /** Review: a part that "comes in at" the first section already plays from the start: said, not a failed beat. */
    @Test
    void comingInAtTheFirstSectionIsSaidNotFailed() {
        BeatPlan plan = BeatMaker.compose("trap, melody starts in the intro", 1);
        assertTrue(plan.reading().stream().anyMatch(l -> l.contains("the intro is the first section, so nothing comes before it")), plan.reading().toString());
        BeatPlan drums = BeatMaker.compose("trap beat, verse hook verse hook, drums come in at the verse", 1);
        assertEquals(1, drums.reading().stream().filter(l -> l.contains("nothing comes before it")).count(), "said once for the drum group");
        assertTrue(drums.sections().get(0).parts().contains("kick"));
    }

    /** Review: "drop" as a verb is no section of the form. */
    @Test
    void dropAsAVerbLeavesTheFormAlone() {
        assertEquals(BeatMaker.compose("trap beat", 1).bars(), BeatMaker.compose("trap beat, the beat drops at the hook", 1).bars());
        BeatPlan p = BeatMaker.compose("trap beat with drums that drop out for the hook", 1);
        assertEquals(BeatMaker.compose("trap beat", 1).bars(), p.bars(), p.reading().toString());
        assertEquals(java.util.List.of("intro", "build", "drop", "break", "outro"),
                BeatMaker.compose("house, intro, build, drop, break, outro", 1).sections().stream().map(dev.groundwork.beat.plan.Section::name).toList(),
                "a listed drop is still a section");
    }

    @Test
    void untilReadsAsTheFirstOfTheSectionAndCombinesWithOthers() {
        BeatPlan plan = BeatMaker.compose("trap 140 bpm", 1); // intro, verse, hook, verse, hook, outro
        assertEquals(java.util.List.of(0, 1, 5), BeatMaker.select(plan, "until:hook,outro"));
        assertTrue(BeatMaker.compose("trap, the 808 comes in at the hook", 1).reading().stream()
                .anyMatch(l -> l.contains("every section before the first hook")));
    }
}
