package dev.groundwork.beat;

import dev.groundwork.beat.prompt.BeatRequest;
import dev.groundwork.beat.prompt.Mood;
import dev.groundwork.beat.prompt.PromptException;
import dev.groundwork.beat.prompt.PromptParser;
import dev.groundwork.beat.style.Genre;
import dev.groundwork.beat.theory.Key;
import dev.groundwork.beat.theory.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PromptParserTest {

    /** prompt | genre | bpm (or -) | key (or -) | bars (or -) | excluded parts | included parts | ignored words */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            dark trap, 140 bpm, F minor                      | TRAP      | 140 | F minor    | -  | -            | -             | -
            uk drill in F#m 142bpm no melody                 | DRILL     | 142 | F# minor   | -  | melody       | -             | -
            boom bap 90 BPM Eb major with piano              | BOOM_BAP  | 90  | Eb major   | -  | -            | chords        | -
            chill lo-fi in A dorian, 16 bars                 | LOFI      | -   | A dorian   | 16 | -            | -             | -
            lofi hip hop, 85 bpm, D major, no melody         | LOFI      | 85  | D major    | -  | melody       | -             | -
            lo-fi hip-hop beat in C minor                    | LOFI      | -   | C minor    | -  | -            | -             | -
            phonk 130 bpm, no melody                         | TRAP      | 130 | -          | -  | melody       | -             | -
            trap soul, 70 bpm, Ab major                      | RNB       | 70  | Ab major   | -  | -            | -             | -
            afro house 122 bpm                               | HOUSE     | 122 | -          | -  | -            | -             | -
            grime 140 bpm                                    | DRILL     | 140 | -          | -  | -            | -             | -
            jersey club 140 bpm, no melody                   | HOUSE     | 140 | -          | -  | melody       | -             | -
            dubstep 140 bpm in F minor                       | TRAP      | 140 | F minor    | -  | -            | -             | -
            future bass 150 bpm, Db major                    | TRAP      | 150 | Db major   | -  | -            | -             | -
            house 124 bpm, Cm, no hats                       | HOUSE     | 124 | C minor    | -  | hats         | -             | -
            reggaeton in g minor heavy 808                   | REGGAETON | -   | G minor    | -  | -            | bass          | -
            afrobeats 105bpm Bb minor with congas            | AFROBEATS | 105 | Bb minor   | -  | -            | perc          | -
            techno 130 bpm, purple elephants                 | TECHNO    | 130 | -          | -  | -            | -             | purple elephants
            drum and bass 174 bpm D minor                    | DNB       | 174 | D minor    | -  | -            | -             | -
            smooth r&b in Db major, 72 bpm                   | RNB       | 72  | Db major   | -  | -            | -             | -
            Drake type beat                                  | TRAP      | -   | -          | -  | -            | -             | -
            A dark trap beat with no drums                   | TRAP      | -   | -          | -  | kick snare hats perc | -     | -
            """)
    void readsTheConstraintsAProducerWrites(String prompt, Genre genre, Double bpm, String key, Integer bars,
                                           String excluded, String included, String ignored) {
        BeatRequest r = PromptParser.parse(prompt);
        assertEquals(genre, r.genre(), "genre");
        assertEquals(bpm, r.tempoBpm(), "tempo");
        if (key == null) {
            assertNull(r.tonic(), "no tonic asked for");
        } else {
            Key k = Key.parse(key);
            assertEquals(k.tonic(), r.tonic(), "tonic");
            assertEquals(k.mode(), r.mode(), "mode");
        }
        assertEquals(bars, r.bars(), "bars");
        if (excluded != null) assertEquals(List.copyOf(new java.util.TreeSet<>(Arrays.asList(excluded.split(" ")))), List.copyOf(r.exclude()));
        else assertTrue(r.exclude().isEmpty(), "nothing excluded: " + r.exclude());
        if (included != null) for (String p : included.split(" ")) assertTrue(r.include().contains(p), "includes " + p + ": " + r.include());
        if (ignored != null) assertEquals(Arrays.asList(ignored.split(" ")), r.ignored());
        else assertEquals(List.of(), r.ignored(), "nothing ignored");
    }

    /** Before: "vinyl crackle" was ignored (only lo-fi got the worn-record medium, and it could not be taken off in the prompt). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            boom bap 90 bpm, vinyl crackle            | vinyl_tape
            dusty boom bap with tape hiss             | vinyl_tape
            trap, 140 bpm                             | -
            lofi, no crackle                          | clean
            clean lo-fi in A dorian                   | clean
            """)
    void theMediumComesFromThePromptOrTheGenre(String prompt, String medium) {
        BeatRequest r = PromptParser.parse(prompt);
        assertEquals(medium, r.medium());
        assertEquals(List.of(), r.ignored());
        String expected = medium != null ? medium : Genre.TRAP == r.genre() ? "clean" : "vinyl_tape";
        assertEquals(expected, dev.groundwork.beat.BeatMaker.compose(prompt, 1).feel().medium());
    }

    /** Before: jersey club and UK garage, played as house, took house's 120-128 BPM unless a tempo was typed. */
    @Test
    void aStylePlayedAsTheNearestGrammarKeepsItsOwnTempo() {
        BeatRequest jersey = PromptParser.parse("jersey club beat");
        assertEquals(Genre.HOUSE, jersey.genre());
        assertEquals(140.0, jersey.tempoBpm());
        assertTrue(jersey.reading().contains("tempo: 140 BPM, jersey club's usual tempo (house's own range is 120-128; name a tempo to choose another)"),
                jersey.reading().toString());
        assertEquals(132.0, PromptParser.parse("uk garage, 2 step vibes").tempoBpm());
        assertEquals(108.0, PromptParser.parse("moombahton").tempoBpm());
        double fast = PromptParser.parse("fast jersey club").tempoBpm();
        assertTrue(fast > 140 && fast <= 144, "tempo words move it a little: " + fast);
        assertEquals(150.0, PromptParser.parse("jersey club 150 bpm").tempoBpm(), "a tempo asked for wins");
        assertNull(PromptParser.parse("dubstep").tempoBpm(), "trap's own range holds dubstep's tempo: chosen by the seed as before");
        assertEquals(140.0, dev.groundwork.beat.BeatMaker.compose("jersey club beat, 8 bars", 1).tempoBpm());
    }

    /** Before: "trap 150" lost its number without a word (neither tempo nor ignored), and "90s boom bap" asked for 90 seconds. */
    @Test
    void aNumberOnItsOwnIsTheTempoAndNinetiesIsADecade() {
        assertEquals(150.0, PromptParser.parse("trap 150").tempoBpm());
        BeatRequest dnb = PromptParser.parse("dnb 174 liquid");
        assertEquals(174.0, dnb.tempoBpm());
        assertTrue(dnb.reading().contains("tempo: 174 BPM ('174', a number on its own read as the tempo)"), dnb.reading().toString());
        BeatRequest house = PromptParser.parse("house 24 bars 124");
        assertEquals(24, house.bars());
        assertEquals(124.0, house.tempoBpm());
        assertEquals(150.0, PromptParser.parse("trap 150 bpm, 90").tempoBpm(), "a tempo with its unit wins");
        assertNull(PromptParser.parse("trap, 2 variations").tempoBpm(), "2 is no tempo");
        BeatRequest swung = PromptParser.parse("boom bap, 62 % swing");
        assertNull(swung.tempoBpm(), "a swing amount is no tempo");
        assertEquals(0.62, swung.swing(), 1e-9);
        assertNull(PromptParser.parse("lo-fi, swing 60").tempoBpm());
        BeatRequest nineties = PromptParser.parse("90s boom bap with dusty drums");
        assertNull(nineties.seconds());
        assertNull(nineties.tempoBpm());
        assertTrue(nineties.reading().stream().anyMatch(l -> l.startsWith("era: the 90s")), nineties.reading().toString());
        assertEquals(90.0, PromptParser.parse("boom bap, 90 seconds").seconds(), 1e-9);
        assertEquals(List.of(), nineties.ignored());
    }

    /** Before: "piano melody" made the chords a piano (what "piano" means alone) and left the melody's sound to the genre. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            chill lofi beat with jazzy chords and a sad piano melody, 85 bpm | melody | piano  | -
            trap with guitar chords                                          | chords | pluck  | -
            boom bap, bell melody, rhodes                                    | melody | bells  | keys
            house, piano lead                                                | melody | piano  | -
            """)
    void aSoundWordBeforeAPartWordIsThatPartsSound(String prompt, String part, String sound, String chordSound) {
        BeatRequest r = PromptParser.parse(prompt);
        assertEquals(sound, r.sounds().get(part), r.reading().toString());
        assertTrue(r.include().contains(part));
        assertEquals("-".equals(chordSound) ? null : chordSound, part.equals("chords") ? null : r.sounds().get("chords"), r.reading().toString());
        assertEquals(List.of(), r.ignored());
        assertEquals(sound, dev.groundwork.beat.BeatMaker.compose(prompt, 1).part(part).sound());
    }

    @Test
    void noPianoMelodyLeavesTheMelodyOutNotTheChords() {
        BeatRequest r = PromptParser.parse("lo-fi, no piano melody");
        assertTrue(r.exclude().contains("melody"));
        assertFalse(r.exclude().contains("chords"));
    }

    /** Before: "slides" was ignored; a trap 808 slid into about a third of its pitch changes whatever was asked. */
    @Test
    void slidesMakeTheBassSlideMoreAndThe808StaysAnInstrument() {
        BeatRequest r = PromptParser.parse("dark trap 140 bpm F minor, 808 slides");
        assertTrue(r.slides());
        assertEquals("808", r.sounds().get("bass"), "the 808 is still asked for");
        assertEquals(List.of(), r.ignored());
        assertTrue(PromptParser.parse("drill, sliding 808s").slides());
        assertFalse(PromptParser.parse("dark trap 140 bpm F minor").slides());
        dev.groundwork.beat.plan.BeatPlan plain = dev.groundwork.beat.BeatMaker.compose("dark trap 140 bpm F minor, 32 bars", 4);
        dev.groundwork.beat.plan.BeatPlan sliding = dev.groundwork.beat.BeatMaker.compose("dark trap 140 bpm F minor, 32 bars, 808 slides", 4);
        assertNull(plain.feel().glide());
        assertEquals(dev.groundwork.beat.plan.Feel.SLIDES, sliding.feel().glide());
        assertTrue(slideShare(sliding) > slideShare(plain) + 0.15, slideShare(plain) + " -> " + slideShare(sliding));
    }

    /** Share of the bass's pitch changes that slide. */
    private static double slideShare(dev.groundwork.beat.plan.BeatPlan plan) {
        List<dev.groundwork.beat.plan.Note> notes = plan.part("bass").notes();
        int changes = 0, slides = 0;
        for (int i = 1; i < notes.size(); i++) {
            if (notes.get(i).pitch() == notes.get(i - 1).pitch()) continue;
            changes++;
            if (notes.get(i).glideFrom() != null) slides++;
        }
        return changes == 0 ? 0 : (double) slides / changes;
    }

    /** Before: "warm" was ignored. It darkens the synth voices a little and changes nothing else. */
    @Test
    void warmDarkensTheSynthsAndNothingElse() {
        BeatRequest r = PromptParser.parse("deep house 122 bpm, warm pads");
        assertEquals(List.of(Mood.WARM), r.moods());
        assertEquals(List.of(), r.ignored());
        dev.groundwork.beat.plan.Feel warm = dev.groundwork.beat.BeatMaker.compose("deep house 122 bpm, warm pads", 1).feel();
        dev.groundwork.beat.plan.Feel plain = dev.groundwork.beat.BeatMaker.compose("deep house 122 bpm, pads", 1).feel();
        assertEquals(plain.brightness() - 0.2, warm.brightness(), 1e-9);
        assertEquals(plain.density(), warm.density(), 1e-9);
        assertEquals(plain.registerShift(), warm.registerShift());
    }

    /** Before: "phonk" was ignored and the reading said "no genre named". */
    @Test
    void aStyleWithoutItsOwnGrammarIsPlayedAsTheNearestAndSaysSo() {
        BeatRequest r = PromptParser.parse("dark phonk, 130 bpm");
        assertEquals(Genre.TRAP, r.genre());
        assertTrue(r.genreExplicit());
        assertTrue(r.reading().contains("genre: 'phonk' has no grammar of its own here: played as trap, the nearest"), r.reading().toString());
        assertEquals(List.of(), r.ignored());
    }

    /** Before: these fell back to trap with "no genre named" and the style word listed as ignored. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            jersey club | HOUSE
            dubstep     | TRAP
            future bass | TRAP
            uk garage   | HOUSE
            disco       | HOUSE
            edm         | HOUSE
            trance      | TECHNO
            """)
    void clubAndBassStylesArePlayedAsTheNearestGrammarAndSaySo(String style, Genre nearest) {
        BeatRequest r = PromptParser.parse("hard " + style + " beat");
        assertEquals(nearest, r.genre());
        assertTrue(r.genreExplicit());
        assertEquals("genre: '" + style + "' has no grammar of its own here: played as " + nearest.label + ", the nearest",
                r.reading().get(0), r.reading().toString());
        assertEquals(List.of(), r.ignored());
        // the style's own words are not read again: "future bass" asks for no bass part, "club" for nothing
        assertEquals(List.of(), List.copyOf(r.include()));
        assertEquals(java.util.Map.of(), r.sounds());
    }

    @Test
    void anExplicitTempoBeatsAMoodWordAndSaysSo() {
        BeatRequest r = PromptParser.parse("chill slow lo-fi, 88 bpm");
        assertEquals(88.0, r.tempoBpm());
        assertTrue(r.tempoBias() < 0, "the mood still leans slower for anything else");
        assertTrue(r.reading().stream().anyMatch(l -> l.contains("wins")), r.reading().toString());
    }

    @Test
    void moodSteersTheModeOnlyWhenNoModeWasAsked() {
        assertEquals(Mode.MAJOR, PromptParser.parse("happy afrobeats").mode());
        assertEquals(Mode.MINOR, PromptParser.parse("happy afrobeats in A minor").mode());
        assertEquals(Mode.PHRYGIAN, PromptParser.parse("eerie drill").mode());
    }

    @Test
    void structureLengthAndSwingAreRead() {
        BeatRequest r = PromptParser.parse("boom bap, intro, verse, hook, verse, hook, outro, 62% swing, 2 minutes");
        assertEquals(List.of("intro", "verse", "hook", "verse", "hook", "outro"), r.structure());
        assertEquals(0.62, r.swing(), 1e-9);
        assertEquals(120.0, r.seconds(), 1e-9);
        assertEquals(List.of(), r.ignored());
        assertEquals(0.5, PromptParser.parse("straight house").swing(), 1e-9);
        assertEquals(90.0, PromptParser.parse("trap 1:30").seconds(), 1e-9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"trap 500 bpm", "house at 12 bpm", "lofi 2000 bars", "trap 3 hours", "boom bap 95% swing", "trap 0 bars",
            "trap, -140 bpm", "lofi -90bpm", "house \u2212124 bpm", "trap 140 bpm -8 bars", "trap -2 minutes",
            "boom bap, -60% swing", "boom bap, swing -60%"})
    void anImpossibleNumberIsAClearError(String prompt) {
        PromptException e = assertThrows(PromptException.class, () -> PromptParser.parse(prompt));
        assertFalse(e.getMessage().isBlank());
    }

    /** Before: "-140 bpm" was read as 140 BPM, the minus sign dropped without a word. */
    @Test
    void aNegativeTempoIsRefusedWithTheNumberAsTyped() {
        PromptException e = assertThrows(PromptException.class, () -> PromptParser.parse("trap, -140 bpm"));
        assertEquals("-140 BPM is not a playable tempo: ask for 40..300 BPM", e.getMessage());
        assertEquals(140.0, PromptParser.parse("trap 130-140 bpm").tempoBpm(), "a range's dash is no minus sign");
        assertEquals(8, PromptParser.parse("trap 140 bpm, 8-bar loop").bars());
        // the same for swing: "-60% swing" was read as 60 %, "swing -60%" as the word swing alone (58 %)
        assertEquals("swing -60 % is not possible: ask for 50 % (straight) to 75 %",
                assertThrows(PromptException.class, () -> PromptParser.parse("boom bap, -60% swing")).getMessage());
        assertEquals("swing -60 % is not possible: ask for 50 % (straight) to 75 %",
                assertThrows(PromptException.class, () -> PromptParser.parse("boom bap, swing -60%")).getMessage());
        assertEquals(0.6, PromptParser.parse("boom bap, 55-60% swing").swing(), 1e-9, "a range's dash is no minus sign");
    }

    /** Before: "H minor" gave a seeded tonic and said the letter named no key; in German naming it is B minor. */
    @Test
    void hIsTheGermanNameOfB() {
        BeatRequest r = PromptParser.parse("trap in H minor");
        assertEquals(11, r.tonic());
        assertEquals(Mode.MINOR, r.mode());
        assertTrue(r.reading().contains("key: B minor ('H' is the German name of B)"), r.reading().toString());
        assertEquals(List.of(), r.ignored());
        assertEquals(11, PromptParser.parse("lo-fi, H dorian").tonic());
        assertEquals(Mode.DORIAN, PromptParser.parse("lo-fi, H dorian").mode());
        assertNull(PromptParser.parse("trap with h minor vibes").tonic(), "a lower-case h is a letter, not a key");
    }

    /** A letter past G (but H) with a mode word: said so, and the letter is shown as ignored. */
    @Test
    void aLetterThatIsNoNoteNameIsSaidSoAndShownAsIgnored() {
        BeatRequest r = PromptParser.parse("trap in K minor");
        assertNull(r.tonic());
        assertEquals(Mode.MINOR, r.mode());
        assertTrue(r.reading().contains("key: 'K minor' names no key (notes are A to G): the mode is kept, the tonic chosen by the seed"),
                r.reading().toString());
        assertEquals(List.of("K"), r.ignored());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "!!!", "purple", "a b c d e f g", "808s and heartbreak", "make it slap fr fr 🔥", "in the key of life"})
    void anOddPromptNeverFails(String prompt) {
        BeatRequest r = PromptParser.parse(prompt);
        assertNotNull(r.genre());
        assertNotNull(BeatMaker.compose(r, 3), "an odd prompt still composes");
    }

    @Test
    void wordsThatAreNotKeysStayWords() {
        // "a" is an article, "am" a verb: neither may become a key.
        BeatRequest r = PromptParser.parse("a beat i am proud of");
        assertNull(r.tonic());
    }

    @Test
    void keysParseInEveryCommonSpelling() {
        assertEquals(new Key(6, Mode.MINOR), Key.parse("F#m"));
        assertEquals(new Key(3, Mode.MAJOR), Key.parse("Eb major"));
        assertEquals(new Key(9, Mode.DORIAN), Key.parse("A dorian"));
        assertEquals(new Key(10, Mode.MINOR), Key.parse("Bb minor"));
        assertEquals("F minor", new Key(5, Mode.MINOR).name());
        assertEquals("F# minor", new Key(6, Mode.MINOR).name());
        assertEquals("Eb major", new Key(3, Mode.MAJOR).name());
    }
}
