package dev.groundwork.beat;

import dev.groundwork.beat.compose.ChordWriter;
import dev.groundwork.beat.compose.MelodyWriter;
import dev.groundwork.beat.plan.BeatPlan;
import dev.groundwork.beat.plan.Chord;
import dev.groundwork.beat.plan.Note;
import dev.groundwork.beat.plan.Part;
import dev.groundwork.beat.plan.Section;
import dev.groundwork.beat.prompt.BeatRequest;
import dev.groundwork.beat.prompt.Mood;
import dev.groundwork.beat.prompt.PromptException;
import dev.groundwork.beat.prompt.PromptParser;
import dev.groundwork.beat.style.Genre;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

/** The words producers write that are not a genre, tempo or key: melodic, airy, rolling, hypnotic, "3 versions", "like X". */
class ProducerWordsTest {

    private static List<Integer> barsPlaying(BeatPlan plan, String part) {
        return IntStream.range(0, plan.bars()).filter(b -> plan.sectionAtBar(b).parts().contains(part)).boxed().toList();
    }

    private static List<Note> inBar(Part p, int bar, double barBeats) {
        return p.notes().stream().filter(n -> n.startBeats() >= bar * barBeats - 1e-9 && n.startBeats() < (bar + 1) * barBeats - 1e-9).toList();
    }

    /** A bar of a part as onsets in 32nds from the bar line, with pitches: two bars are the same when these are. */
    private static List<String> shape(Part p, int bar, double barBeats) {
        List<String> out = new ArrayList<>();
        for (Note n : inBar(p, bar, barBeats)) out.add(Math.round((n.startBeats() - bar * barBeats) * 8) + ":" + n.pitch());
        return out;
    }

    private static int distinctBars(BeatPlan plan, String part) {
        Set<List<String>> seen = new HashSet<>();
        for (int bar : barsPlaying(plan, part)) seen.add(shape(plan.part(part), bar, plan.barBeats()));
        return seen.size();
    }

    @Test
    void theProducersPromptIsReadWithNothingIgnored() {
        BeatRequest r = PromptParser.parse("melodic airy rolling hypnotic trap like Juice WRLD, 2 variations");
        assertEquals(List.of(), r.ignored());
        assertEquals(Genre.TRAP, r.genre());
        assertEquals(2, r.variations());
        assertTrue(r.moods().containsAll(List.of(Mood.MELODIC, Mood.AIRY, Mood.ROLLING, Mood.HYPNOTIC)), r.moods().toString());
        List<String> references = r.reading().stream().filter(l -> l.startsWith("reference:")).toList();
        assertEquals(1, references.size(), r.reading().toString());
        assertTrue(references.get(0).contains("'Juice WRLD' is not imitated"), references.get(0));
        for (String w : List.of("melodic", "airy", "rolling", "hypnotic")) {
            assertTrue(r.reading().stream().anyMatch(l -> l.startsWith("mood: " + w + " (")), w + " has its line: " + r.reading());
        }
        // the plan records the words the part writers honour, so a part written again from the plan honours them too
        BeatPlan plan = BeatMaker.compose(r, 1);
        assertTrue(plan.feel().melodic() && plan.feel().rolling() && plan.feel().hypnotic(), plan.feel().moods().toString());
    }

    // --- melodic ---

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"trap", "boom bap", "house", "drum and bass", "lo-fi"})
    void melodicBringsTheMelodyIntoTheVersesLouderAndBusier(String genre) {
        for (long seed = 1; seed <= 3; seed++) {
            BeatPlan plain = BeatMaker.compose(genre, seed), melodic = BeatMaker.compose("melodic " + genre, seed);
            Part pm = plain.part("melody"), mm = melodic.part("melody");
            assertEquals(pm.gainDb() + 2, mm.gainDb(), 1e-9, "2 dB louder in the balance");
            assertTrue(mm.reason().contains("melodic"), mm.reason());
            // every section with the drums (energy >= 0.5) has the melody; the plain beat's verses do not
            for (Section s : melodic.sections()) if (s.energy() >= 0.5) assertTrue(s.parts().contains("melody"), s.name());
            boolean verses = melodic.sections().stream().anyMatch(s -> s.name().equals("verse"));
            // drum and bass's form (intro, drop, break, drop, outro) has the melody in every section with drums already
            if (verses) assertTrue(barsPlaying(melodic, "melody").size() > barsPlaying(plain, "melody").size(), "plays in more bars");
            // busier: more notes a bar where both play
            double perBarPlain = pm.notes().size() / (double) barsPlaying(plain, "melody").size();
            double perBarMelodic = mm.notes().size() / (double) barsPlaying(melodic, "melody").size();
            assertTrue(perBarMelodic > perBarPlain, genre + " seed " + seed + ": " + perBarMelodic + " vs " + perBarPlain + " notes a bar");
        }
    }

    @Test
    void noMelodyWinsOverMelodic() {
        BeatRequest r = PromptParser.parse("melodic boom bap, no melody");
        assertFalse(r.moods().contains(Mood.MELODIC));
        assertTrue(r.exclude().contains("melody"));
        assertTrue(r.reading().stream().anyMatch(l -> l.contains("'no melody' wins")), r.reading().toString());
        assertFalse(BeatMaker.compose(r, 1).hasPart("melody"));
        assertEquals(List.of(), r.ignored());
    }

    @Test
    void melodicMakesTheMelodyHeardInAFormThatWouldLeaveItOut() {
        // a verse-only form has no section where the genre puts its melody (hooks, intro, breaks)
        BeatPlan plain = BeatMaker.compose("trap, verse verse", 1), melodic = BeatMaker.compose("melodic trap, verse verse", 1);
        assertTrue(plain.part("melody").notes().isEmpty(), "the genre's own arrangement: no melody in verses");
        assertFalse(melodic.part("melody").notes().isEmpty());
    }

    // --- airy ---

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"trap", "house", "boom bap"})
    void airyIsBrighterHigherAndSparser(String genre) {
        int fewer = 0, lowestPlain = 127, lowestAiry = 127;
        for (long seed = 1; seed <= 4; seed++) {
            BeatPlan plain = BeatMaker.compose(genre, seed), airy = BeatMaker.compose("airy " + genre, seed);
            assertTrue(airy.feel().brightness() > plain.feel().brightness() + 0.15, "brighter synth voices");
            assertEquals(plain.feel().registerShift() + 2, airy.feel().registerShift());
            assertTrue(airy.feel().density() < plain.feel().density());
            // the chords' voicing floor and the melody's range move up 2 semitones: the lowest notes written rise with them
            Part chords = airy.part("chords"), melody = airy.part("melody");
            int chordFloor = ChordWriter.lowFor(chords.sound()) + 2, melodyFloor = MelodyWriter.range(melody.sound(), 2)[0];
            assertTrue(chords.notes().stream().allMatch(n -> n.pitch() >= chordFloor), "chords from " + chordFloor);
            // (a jazzy genre's chromatic approach note may lean in from below)
            assertTrue(melody.notes().stream().allMatch(n -> n.pitch() >= melodyFloor || n.chromatic()), "melody from " + melodyFloor);
            lowestPlain = Math.min(lowestPlain, plain.part("chords").notes().stream().mapToInt(Note::pitch).min().orElseThrow());
            lowestAiry = Math.min(lowestAiry, chords.notes().stream().mapToInt(Note::pitch).min().orElseThrow());
            if (airy.part("melody").notes().size() + airy.part("hats").notes().size()
                    < plain.part("melody").notes().size() + plain.part("hats").notes().size()) fewer++;
        }
        assertTrue(lowestAiry > lowestPlain, "the lowest chord note rises: " + lowestAiry + " vs " + lowestPlain);
        assertTrue(fewer >= 3, "fewer melody and hat notes (more space) for most seeds: " + fewer + " of 4");
    }

    // --- rolling ---

    /** Hat notes that fall off the 16th grid: roll (ratchet) hits. */
    private static long rollHits(BeatPlan plan) {
        return plan.part("hats").notes().stream().filter(n -> Math.abs(n.startBeats() * 4 - Math.rint(n.startBeats() * 4)) > 1e-6).count();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"trap", "uk drill"})
    void rollingTrapRollsTheHatsInEveryBar(String genre) {
        for (long seed = 1; seed <= 3; seed++) {
            BeatPlan plain = BeatMaker.compose(genre, seed), rolling = BeatMaker.compose("rolling " + genre, seed);
            assertTrue(rollHits(rolling) > rollHits(plain), rollHits(rolling) + " vs " + rollHits(plain));
            Part hats = rolling.part("hats");
            for (int bar : barsPlaying(rolling, "hats")) {
                double bb = rolling.barBeats();
                boolean rolls = inBar(hats, bar, bb).stream().anyMatch(n -> n.lengthBeats() < 0.25 - 1e-9);
                assertTrue(rolls, genre + " seed " + seed + " bar " + bar + " rolls");
            }
        }
    }

    @Test
    void rollingDrumAndBassHasAContinuousBreakGhostSnaresAndABusierBass() {
        BeatPlan plain = BeatMaker.compose("drum and bass", 2), rolling = BeatMaker.compose("rolling drum and bass", 2);
        double bb = rolling.barBeats();
        for (int bar : barsPlaying(rolling, "hats")) {
            assertEquals(16, inBar(rolling.part("hats"), bar, bb).size(), "a hat on every 16th of bar " + bar);
        }
        for (int bar : barsPlaying(rolling, "snare")) {
            long ghosts = inBar(rolling.part("snare"), bar, bb).stream().filter(n -> n.velocity() < 60).count();
            assertTrue(ghosts >= 1, "ghost snares in bar " + bar);
        }
        double plainBass = plain.part("bass").notes().size() / (double) barsPlaying(plain, "bass").size();
        double rollingBass = rolling.part("bass").notes().size() / (double) barsPlaying(rolling, "bass").size();
        assertTrue(rollingBass >= plainBass + 2, "bass notes a bar: " + rollingBass + " vs " + plainBass);
    }

    @Test
    void rollingTechnoAndHouseRollTheBassIn16ths() {
        for (String genre : List.of("techno", "house")) {
            BeatPlan plain = BeatMaker.compose(genre, 1), rolling = BeatMaker.compose("rolling " + genre, 1);
            int bar = barsPlaying(rolling, "bass").get(0);
            int plainCount = inBar(plain.part("bass"), bar, 4).size(), rollingCount = inBar(rolling.part("bass"), bar, 4).size();
            assertTrue(rollingCount > plainCount, genre + ": " + rollingCount + " vs " + plainCount);
            // no bass note on a kick: the roll runs between them
            Set<Double> kicks = new HashSet<>();
            for (Note k : rolling.part("kick").notes()) kicks.add(k.startBeats());
            for (Note n : inBar(rolling.part("bass"), bar, 4)) assertFalse(kicks.contains(n.startBeats()), genre + " bass on a kick at " + n.startBeats());
        }
    }

    @Test
    void rollingLeavesTheSlowGenresHatsAloneAndSaysSo() {
        BeatRequest r = PromptParser.parse("rolling lo-fi");
        assertFalse(r.moods().contains(Mood.ROLLING));
        assertTrue(r.reading().stream().anyMatch(l -> l.startsWith("mood: 'rolling' noted, but lo-fi")), r.reading().toString());
        assertEquals(BeatMaker.compose("lo-fi", 4).part("hats").notes(), BeatMaker.compose(r, 4).part("hats").notes());
        assertEquals(List.of(), r.ignored());
    }

    // --- hypnotic ---

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"trap", "boom bap", "afrobeats", "drum and bass"})
    void hypnoticRepeatsMoreThanTheSameSeedWithoutIt(String genre) {
        for (long seed = 1; seed <= 4; seed++) {
            BeatPlan plain = BeatMaker.compose(genre, seed), hyp = BeatMaker.compose("hypnotic " + genre, seed);
            String at = genre + " seed " + seed;
            int plainKicks = distinctBars(plain, "kick"), hypKicks = distinctBars(hyp, "kick");
            assertTrue(hypKicks <= plainKicks, at + ": kick bars " + hypKicks + " vs " + plainKicks);
            int plainMelody = distinctBars(plain, "melody"), hypMelody = distinctBars(hyp, "melody");
            assertTrue(hypMelody < plainMelody, at + ": melody bars " + hypMelody + " vs " + plainMelody);
            assertTrue(distinctBars(hyp, "snare") <= distinctBars(plain, "snare"), at + ": snare bars");
            assertTrue(distinctBars(hyp, "hats") <= distinctBars(plain, "hats"), at + ": hat bars");
            // one progression: a verse (drum and bass: the break) plays the hook's chords, bar for bar
            Section verse = hyp.sections().stream().filter(s -> s.name().equals("verse") || s.name().equals("break")).findFirst().orElseThrow();
            Section hook = hyp.sections().stream().filter(s -> s.energy() >= 1).findFirst().orElseThrow();
            for (int i = 0; i < 4; i++) {
                assertEquals(chordAt(hyp, hook.startBar() + i), chordAt(hyp, verse.startBar() + i), at + ": bar " + i + " of verse and hook");
            }
        }
    }

    private static String chordAt(BeatPlan plan, int bar) { return Chord.at(plan.chords(), bar, 0).symbol(); }

    @Test
    void aHypnoticMelodyRepeatsItsFourBarPhraseOverTheSameChords() {
        BeatPlan hyp = BeatMaker.compose("hypnotic trap, 16 bars, loop", 3);
        Part melody = hyp.part("melody");
        int compared = 0;
        for (int bar = 0; bar + 4 < hyp.bars(); bar++) {
            if (!chordAt(hyp, bar).equals(chordAt(hyp, bar + 4))) continue;
            assertEquals(shape(melody, bar, 4), shape(melody, bar + 4, 4), "bar " + bar + " and bar " + (bar + 4));
            compared++;
        }
        assertTrue(compared >= 8, "bars compared: " + compared);
        // and within the phrase one bar's rhythm: without "hypnotic" the same seed's phrase has a two-bar motif and an answer
        Set<List<Long>> rhythms = new HashSet<>(), plainRhythms = new HashSet<>();
        BeatPlan plain = BeatMaker.compose("trap, 16 bars, loop", 3);
        for (int bar = 0; bar < 3; bar++) {
            final int b = bar;
            rhythms.add(inBar(melody, b, 4).stream().map(n -> Math.round((n.startBeats() - b * 4) * 8)).toList());
            plainRhythms.add(inBar(plain.part("melody"), b, 4).stream().map(n -> Math.round((n.startBeats() - b * 4) * 8)).toList());
        }
        assertEquals(1, rhythms.size(), rhythms.toString());
        assertTrue(plainRhythms.size() > 1, plainRhythms.toString());
        // and its snare fills only where a section changes: a loop has one section, so none before its last bar
        long fills = hyp.part("snare").notes().stream().filter(n -> n.startBeats() < (hyp.bars() - 1) * 4 && Math.floorMod(Math.round(n.startBeats() * 4), 16) != 8).count();
        assertEquals(0, fills);
    }

    // --- how many ---

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            trap, 2 variations          | 2
            3 versions of a house beat  | 3
            four takes, boom bap        | 4
            dnb, a couple of variations | 2
            lo-fi, 32 variants          | 32
            trap, one take              | 1
            """)
    void theNumberOfVariationsIsRead(String prompt, int n) {
        BeatRequest r = PromptParser.parse(prompt);
        assertEquals(n, r.variations());
        assertNull(r.tempoBpm(), "not a tempo");
        assertEquals(List.of(), r.ignored());
    }

    @Test
    void aNumberOfBeatsNoOneCanMakeIsAnErrorNotATempo() {
        assertNull(PromptParser.parse("trap 150").variations());
        for (String p : List.of("trap, 40 variations", "trap, 0 takes", "trap, -2 versions", "trap, 100 versions")) {
            PromptException e = assertThrows(PromptException.class, () -> PromptParser.parse(p), p);
            assertTrue(e.getMessage().contains("1..32"), e.getMessage());
        }
    }

    // --- artists ---

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Juice WRLD type beat                        | Juice WRLD   | false
            dark Metro Boomin-type beat, 150 bpm        | Metro Boomin | false
            house in the style of Daft Punk with piano  | Daft Punk    | true
            dnb, sounds like Calibre, 172 bpm           | Calibre      | true
            trap like Future and Young Thug, F minor    | Future and Young Thug | true
            a dark trap beat like Juice WRLD.           | Juice WRLD   | true
            """)
    void anArtistIsNamedOnceAndNotImitated(String prompt, String artist, boolean genreNamed) {
        BeatRequest r = PromptParser.parse(prompt);
        assertEquals(List.of(), r.ignored(), "the name's words are not ignored one by one");
        List<String> refs = r.reading().stream().filter(l -> l.startsWith("reference: ")).toList();
        assertEquals(1, refs.size(), r.reading().toString());
        assertTrue(refs.get(0).startsWith("reference: '" + artist + "' is not imitated"), refs.get(0));
        assertEquals(genreNamed, r.genreExplicit());
        if (!genreNamed) assertTrue(r.reading().contains("genre: trap (no genre named; the most requested)"), "the fallback stays");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"I'd like a dark trap beat", "trap like the 90s", "something like 140 bpm trap", "trap type beat"})
    void likeWithoutANameIsNoReference(String prompt) {
        BeatRequest r = PromptParser.parse(prompt);
        assertTrue(r.reading().stream().noneMatch(l -> l.startsWith("reference:")), r.reading().toString());
    }

    @Test
    void theWordsAreCaseBlindAndTheMoodNamesMatchThePlansFeel() {
        assertTrue(BeatMaker.compose("HYPNOTIC Rolling TRAP", 1).feel().hypnotic());
        for (Mood m : List.of(Mood.MELODIC, Mood.ROLLING, Mood.HYPNOTIC)) {
            assertTrue(m.words.contains(m.name().toLowerCase(Locale.ROOT)), m + " is read by its own name, which the plan's feel keeps");
        }
    }

    /** Twenty prompts as producers type them were read with words left over; these are the ones now understood. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "hard hitting drill beat with sliding 808s 144 bpm | AGGRESSIVE",
            "chill lofi hip hop beat to study to              | CHILL",
            "upbeat afrobeats with log drums                  | HAPPY",
            "rage beat 160 bpm distorted synths               | AGGRESSIVE",
            "melodic techno 125 bpm driving                   | BUSY",
            "deep house groove with rhodes 122                | -",
            "jersey club remix 140                            | -",
            "r&b slow jam 68 bpm with electric piano          | -",
            "90s west coast g-funk 95 bpm                     | -",
            "synthwave 100 bpm retro                          | -",
            "smooth jazz hop with saxophone and upright bass  | JAZZY",
            "emotional piano ballad beat 70 bpm               | SAD",
            "future garage 2-step 135                         | -",
            "afro house 122 with marimba                      | -",
            "drill beat with choir and orchestral strings     | EPIC",
            "dancehall riddim 100 bpm                         | -",
            "funky disco house 124 with slap bass             | JAZZY",
            "energetic trap banger for a club                 | AGGRESSIVE",
            "nostalgic boom bap with soul sample chops        | SAD",
            "old school boom bap with dusty samples and scratches | -"})
    void commonProducerWordsAreReadNotIgnored(String prompt, String mood) {
        BeatRequest r = PromptParser.parse(prompt.strip());
        assertEquals(List.of(), r.ignored(), r.reading().toString());
        if (!mood.equals("-")) assertTrue(r.moods().contains(Mood.valueOf(mood)), r.moods().toString());
    }

    @Test
    void instrumentWordsLandOnThePartsAndSoundsTheyMean() {
        BeatRequest amapiano = PromptParser.parse("amapiano with log drum and shakers");
        assertTrue(amapiano.include().contains("bass"), "the log drum is the bass line");
        assertTrue(PromptParser.parse("phonk with cowbell").include().contains("perc"));
        assertEquals("keys", PromptParser.parse("r&b with electric piano").sounds().get("chords"));
        BeatRequest choir = PromptParser.parse("dark trap with choir");
        assertEquals("pad", choir.sounds().get("chords"));
        assertTrue(choir.reading().contains("include: chords as pad ('choir': no choir sound is built in, pad is the nearest)"), choir.reading().toString());
        // one sound a part: the later one plays, and the reading says what it replaced
        BeatRequest two = PromptParser.parse("trap with piano and strings");
        assertEquals("strings", two.sounds().get("chords"));
        assertTrue(two.reading().contains("include: chords as strings ('strings'; in place of piano, one sound a part)"), two.reading().toString());
        // sampling is answered, not dropped without a word
        BeatRequest chops = PromptParser.parse("boom bap with soul sample chops and scratches");
        assertTrue(chops.reading().contains("sampling: 'sample', 'chops', 'scratches' asked, but groundwork writes and synthesises every part, "
                + "it does not sample or scratch; --kit plays your own one-shots"), chops.reading().toString());
        assertEquals("lead", PromptParser.parse("lofi with saxophone").sounds().get("melody"));
        assertEquals("bass", PromptParser.parse("lofi with upright bass").sounds().get("bass"));
        // synthwave is played as house at its own, slower tempo
        BeatRequest synthwave = PromptParser.parse("synthwave");
        assertEquals(dev.groundwork.beat.style.Genre.HOUSE, synthwave.genre());
        assertEquals(100.0, synthwave.tempoBpm(), 4.0);
    }

    /** Review: similes and wishes are no artist references; a name is capitalised or more than one word. */
    @Test
    void similesAndWishesAreNoArtistReferences() {
        for (String prompt : new String[]{"trap, hits like a truck", "trap, hats roll like crazy", "I would like something chill"}) {
            BeatRequest r = PromptParser.parse(prompt);
            assertTrue(r.reading().stream().noneMatch(l -> l.startsWith("reference:")), prompt + ": " + r.reading());
        }
        assertTrue(PromptParser.parse("trap like Drake").reading().stream().anyMatch(l -> l.startsWith("reference: 'Drake'")));
        assertTrue(PromptParser.parse("trap like juice wrld").reading().stream().anyMatch(l -> l.startsWith("reference: 'juice wrld'")));
        BeatRequest cowbell = PromptParser.parse("phonk with cowbell");
        assertTrue(cowbell.reading().contains("include: perc ('cowbell': no cowbell sound is built in, the genre's perc sound plays it)"), cowbell.reading().toString());
        BeatRequest techno = PromptParser.parse("techno, hypnotic and rolling");
        assertTrue(techno.reading().stream().noneMatch(l -> l.contains("the same roll every bar")), "techno has no hat rolls: " + techno.reading());
    }
}
