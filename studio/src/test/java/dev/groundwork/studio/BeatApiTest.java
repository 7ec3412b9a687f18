package dev.groundwork.studio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groundwork.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Beat page's API drives the beat module: variations, lock drums and regenerate, key change, send to mix and master. */
class BeatApiTest {
    @TempDir
    Path ws;

    /** No count in the request: the prompt's own ("2 variations"), as the CLI without --variations; a count given wins. */
    @Test
    void thePromptsNumberOfVariationsFillsAnEmptyCount() throws Exception {
        try (TestServer s = TestServer.in(ws)) {
            String p = s.createProject("Count");
            String gen = "/api/projects/" + p + "/beat/generate";
            s.awaitJob(s.post(gen, "{\"prompt\":\"trap, 140 bpm, 2 bars, 2 variations\",\"seed\":3}"));
            assertEquals(2, variations(s, p).size(), "the prompt's two");
            s.awaitJob(s.post(gen, "{\"prompt\":\"trap, 140 bpm, 2 bars, 2 variations\",\"variations\":1,\"seed\":3}"));
            assertEquals(1, variations(s, p).size(), "the count given wins");
            var tooMany = s.post(gen, "{\"prompt\":\"trap, 2 bars, 10 variations\"}");
            assertEquals(400, tooMany.status());
            assertTrue(tooMany.body().contains("1 to 6"), tooMany.body());
            assertEquals(400, s.post(gen, "{\"prompt\":\"trap, 2 bars, 40 variations\"}").status(), "more than the CLI's 32 too");
        }
    }

    @Test
    void lockedDrumsSurviveARegenerateWhileTheOtherPartsChange() throws Exception {
        try (TestServer s = TestServer.in(ws)) {
            String p = s.createProject("Beat");
            s.awaitJob(s.post("/api/projects/" + p + "/beat/generate", "{\"prompt\":\"boom bap, 90 bpm, A minor, 8 bars\",\"variations\":2,\"seed\":3}"));
            JsonNode gen = s.get("/api/projects/" + p).json().path("state").path("beat").path("generation");
            assertEquals(2, gen.path("variations").size());
            JsonNode v1 = gen.path("variations").get(0);
            assertEquals(90, v1.path("tempo_bpm").asDouble(), 1e-9);
            assertTrue(Files.size(ws.resolve(p).resolve(v1.path("wav_path").asText())) > 1000);
            assertTrue(Files.size(ws.resolve(p).resolve(v1.path("midi_path").asText())) > 20);
            assertTrue(v1.path("drums").size() >= 2, v1.path("drums").toString());

            assertEquals(200, s.post("/api/projects/" + p + "/beat/choose", "{\"variation\":\"v1\"}").status());
            assertEquals(200, s.post("/api/projects/" + p + "/beat/lock", "{\"parts\":[\"drums\"]}").status());
            s.awaitJob(s.post("/api/projects/" + p + "/beat/regenerate", "{}"));
            JsonNode state = s.get("/api/projects/" + p).json().path("state").path("beat");
            JsonNode v3 = state.path("generation").path("variations").get(2);
            assertEquals(v3.path("id").asText(), state.path("chosen").asText());
            assertEquals(v1.path("drums"), v3.path("drums"), "locked drums are note-for-note the same");
            assertNotEquals(v1.path("parts"), v3.path("parts"), "unlocked parts were written again");

            s.awaitJob(s.post("/api/projects/" + p + "/beat/key-change", "{\"semitones\":2}"));
            JsonNode plan = Json.MAPPER.readTree(ws.resolve(p).resolve(s.get("/api/projects/" + p).json().path("state").path("beat")
                    .path("generation").path("variations").get(3).path("plan_path").asText()).toFile());
            JsonNode sections = plan.path("sections");
            int lastHook = -1;
            for (int i = 0; i < sections.size(); i++) if (sections.get(i).path("name").asText().equals("hook")) lastHook = i;
            assertTrue(lastHook >= 0, sections.toString());
            for (int i = 0; i < sections.size(); i++) {
                assertEquals(i >= lastHook ? 2 : 0, sections.get(i).path("transpose_semitones").asInt(), "section " + i + " " + sections.get(i));
            }

            assertEquals(200, s.post("/api/projects/" + p + "/beat/send", "{}").status());
            JsonNode after = s.get("/api/projects/" + p).json().path("state");
            assertTrue(after.path("mix").path("stems").size() >= 3);
            assertTrue(after.path("master").path("source").path("path").asText().endsWith("beat.wav"));

            // the sent material works on the other pages: the beat's stems mix, its WAV masters
            s.awaitJob(s.post("/api/projects/" + p + "/mix/propose", "{}"));
            JsonNode mix = s.get("/api/projects/" + p).json().path("state").path("mix").path("proposal");
            assertEquals(after.path("mix").path("stems").size(), mix.path("stems").size());
            assertEquals("beat", Json.MAPPER.readTree(ws.resolve(p).resolve(mix.path("plan_path").asText()).toFile()).path("balance").asText(),
                    "a beat sent from the Beat page is mixed with the beat balance, as produce does");
            s.awaitJob(s.post("/api/projects/" + p + "/master/propose", "{\"target\":\"apple\",\"candidates\":1}"));
            JsonNode master = s.get("/api/projects/" + p).json().path("state").path("master").path("run").path("candidates").get(0);
            assertEquals(-16.0, master.path("integrated_lufs").asDouble(), 0.2);
        }
    }

    /** Before: every refused edit still made its beat/edit-N folder and left it empty, and the next edit got a later number. */
    @Test
    void aRefusedEditLeavesNoFolderAndTheNextEditTakesTheNextNumber() throws Exception {
        try (TestServer s = TestServer.in(ws)) {
            String p = s.createProject("Refused");
            String beat = "/api/projects/" + p + "/beat/";
            s.awaitJob(s.post(beat + "generate", "{\"prompt\":\"boom bap, 90 bpm, A minor, 4 bars, no melody\",\"variations\":1,\"seed\":5}"));
            s.awaitJob(s.post(beat + "tempo", "{\"tempo_bpm\":100}"));
            Path folder = ws.resolve(p).resolve("beat");
            assertEquals(List.of("edit-1", "gen-1"), folders(folder));

            s.assertRefused(beat + "drop", "{\"part\":\"tuba\",\"section\":\"all\"}", "this beat has no tuba part");
            s.assertRefused(beat + "drop", "{\"part\":\"kick\",\"section\":\"bridge\"}", "bridge");
            s.assertRefused(beat + "add", "{\"part\":\"tuba\",\"section\":\"all\"}", "a part to add is one of");
            s.assertRefused(beat + "add", "{\"part\":\"melody\",\"section\":\"bridge\"}", "bridge");
            s.assertRefused(beat + "key-change", "{\"semitones\":0}", "changes nothing");
            s.assertRefused(beat + "key-change", "{\"semitones\":2,\"section\":\"99\"}", "section 99 does not exist");
            s.assertRefused(beat + "sound", "{\"part\":\"chords\",\"sound\":\"kazoo\"}", "unknown sound 'kazoo'");
            s.assertRefused(beat + "sound", "{\"part\":\"melody\",\"sound\":\"piano\"}", "this beat has no melody part");
            s.assertRefused(beat + "sources", "{\"kit\":\"/no/such/kit\"}", "kit not found: /no/such/kit");
            s.assertRefused(beat + "tempo", "{\"tempo_bpm\":301}", "tempo_bpm must be between");
            assertEquals(List.of("edit-1", "gen-1"), folders(folder), "ten refused edits made no folder");
            assertEquals(2, variations(s, p).size(), "nor a variation");

            // the next accepted edit is edit-2, beside edit-1, and its variation's files are there
            s.awaitJob(s.post(beat + "drop", "{\"part\":\"kick\",\"section\":\"all\"}"));
            assertEquals(List.of("edit-1", "edit-2", "gen-1"), folders(folder));
            JsonNode dropped = variations(s, p).get(2);
            assertEquals("v3", dropped.path("id").asText());
            assertEquals("beat/edit-2/beat.wav", dropped.path("wav_path").asText());
            assertTrue(Files.size(ws.resolve(p).resolve(dropped.path("wav_path").asText())) > 1000);
            assertTrue(kickHits(variations(s, p).get(1)) > 4, "the kick played before");
            assertEquals(0, kickHits(dropped), "the kick dropped everywhere");
        }
    }

    private static int kickHits(JsonNode variation) {
        for (JsonNode lane : variation.path("drums")) if (lane.path("name").asText().equals("kick")) return lane.path("hits").size();
        throw new AssertionError("no kick lane in " + variation.path("drums"));
    }

    private static List<String> folders(Path dir) throws java.io.IOException {
        try (var list = Files.list(dir)) {
            return list.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aTempoChangeIsANewVariationWithTheSameNotesPlayedFaster() throws Exception {
        try (TestServer s = TestServer.in(ws)) {
            String p = s.createProject("Tempo");
            s.awaitJob(s.post("/api/projects/" + p + "/beat/generate", "{\"prompt\":\"boom bap, 90 bpm, A minor, 8 bars\",\"variations\":1,\"seed\":3}"));
            s.assertRefused("/api/projects/" + p + "/beat/tempo", "{\"tempo_bpm\":301}", "tempo_bpm must be between 40.0 and 300.0, not 301.0");
            assertEquals(400, s.post("/api/projects/" + p + "/beat/tempo", "{}").status());

            s.awaitJob(s.post("/api/projects/" + p + "/beat/tempo", "{\"tempo_bpm\":120}"));
            JsonNode beat = s.get("/api/projects/" + p).json().path("state").path("beat");
            JsonNode v1 = beat.path("generation").path("variations").get(0), v2 = beat.path("generation").path("variations").get(1);
            assertEquals("v2", beat.path("chosen").asText());
            assertEquals(120, v2.path("tempo_bpm").asDouble(), 1e-9);
            assertEquals("Variation 2 (90 → 120 BPM)", v2.path("label").asText());
            assertEquals(v1.path("drums"), v2.path("drums"), "the same drum hits, in steps");
            assertEquals(v1.path("parts"), v2.path("parts"), "the same notes, in beats");
            // 8 bars at 120 BPM last 3/4 of 8 bars at 90 (the render's tail aside)
            double ratio = seconds(ws.resolve(p).resolve(v2.path("wav_path").asText())) / seconds(ws.resolve(p).resolve(v1.path("wav_path").asText()));
            assertEquals(0.75, ratio, 0.03);
            JsonNode decisions = s.get("/api/projects/" + p).json().path("decisions");
            assertEquals("tempo 90 → 120 BPM → v2", decisions.get(decisions.size() - 2).path("summary").asText());
        }
    }

    @Test
    void aSeedMakesTheSameBeatAgainAndAPartIsAddedTheKeyMovesFromAnySectionAndASoundIsSwapped() throws Exception {
        try (TestServer s = TestServer.in(ws)) {
            String p = s.createProject("Seeds");
            String prompt = "boom bap, 90 bpm, A minor, 16 bars, no melody";
            String gen = "/api/projects/" + p + "/beat/generate";
            s.assertRefused(gen, "{\"prompt\":\"boom bap\",\"seed\":-1}", "seed must be between 0 and 999999999, not -1");
            s.assertRefused(gen, "{\"prompt\":\"boom bap\",\"seed\":\"x\"}", "seed must be a whole number");
            s.assertRefused(gen, "{\"prompt\":\"boom bap\",\"seed\":41.5}", "seed must be a whole number between 0 and 999999999, not 41.5");
            s.awaitJob(s.post(gen, "{\"prompt\":\"" + prompt + "\",\"variations\":2,\"seed\":41}"));
            JsonNode first = variations(s, p);
            assertEquals(41, first.get(0).path("seed").asLong(), "variation 1 is the seed asked for, as --seed 41");
            assertEquals(42, first.get(1).path("seed").asLong(), "variation 2 the next seed, as --seed 41 --variations 2");
            // the second variation's seed, typed into the box, makes that beat again note for note
            s.awaitJob(s.post(gen, "{\"prompt\":\"" + prompt + "\",\"variations\":1,\"seed\":42}"));
            JsonNode again = variations(s, p).get(0);
            assertEquals(first.get(1).path("drums"), again.path("drums"));
            assertEquals(first.get(1).path("parts"), again.path("parts"));
            assertTrue(again.path("parts").findValuesAsText("name").stream().noneMatch("melody"::equals), again.path("parts").toString());

            // --add melody@hook: a melody part, playing in the hooks only
            String add = "/api/projects/" + p + "/beat/add";
            s.assertRefused(add, "{\"part\":\"tuba\",\"section\":\"hook\"}", "a part to add is one of [kick, snare, hats, perc, bass, chords, melody], not tuba");
            s.assertRefused(add, "{\"part\":\"melody\",\"section\":\"bridge\"}", "bridge");
            s.awaitJob(s.post(add, "{\"part\":\"melody\",\"section\":\"hook\"}"));
            JsonNode added = variations(s, p).get(1);
            JsonNode plan = plan(p, added);
            double barBeats = plan.path("bar_beats").asDouble(4);
            List<double[]> hooks = new java.util.ArrayList<>();
            for (JsonNode sec : plan.path("sections")) {
                boolean hook = sec.path("name").asText().equals("hook");
                assertEquals(hook, sec.path("parts").toString().contains("\"melody\""), sec.toString());
                if (hook) hooks.add(new double[]{sec.path("start_bar").asInt() * barBeats, (sec.path("start_bar").asInt() + sec.path("bars").asInt()) * barBeats});
            }
            JsonNode melody = null;
            for (JsonNode part : added.path("parts")) if (part.path("name").asText().equals("melody")) melody = part;
            assertTrue(melody != null && melody.path("notes").size() > 4, added.path("parts").toString());
            for (JsonNode n : melody.path("notes")) {
                double at = n.path("start_beats").asDouble();
                assertTrue(hooks.stream().anyMatch(h -> at >= h[0] && at < h[1]), "melody note at beat " + at + " outside the hooks " + plan.path("sections"));
            }

            // --transpose -3@2: from the second section to the end
            String key = "/api/projects/" + p + "/beat/key-change";
            s.assertRefused(key, "{\"semitones\":2,\"section\":\"99\"}", "section 99 does not exist");
            s.awaitJob(s.post(key, "{\"semitones\":-3,\"section\":\"2\"}"));
            JsonNode moved = variations(s, p).get(2);
            JsonNode sections = plan(p, moved).path("sections");
            String second = sections.get(1).path("name").asText() + " (bar " + (sections.get(1).path("start_bar").asInt() + 1) + ")";
            assertEquals("Variation 3 (-3 st from " + second + ")", moved.path("label").asText());
            for (int i = 0; i < sections.size(); i++) assertEquals(i >= 1 ? -3 : 0, sections.get(i).path("transpose_semitones").asInt(), sections.get(i).toString());

            // --sound chords=piano, and a drill kit for every drum part
            String sound = "/api/projects/" + p + "/beat/sound";
            s.assertRefused(sound, "{\"part\":\"bass\",\"sound\":\"trap-kit\"}", "does not fit the bass part");
            s.assertRefused(sound, "{\"part\":\"chords\",\"sound\":\"kazoo\"}", "unknown sound 'kazoo'");
            s.awaitJob(s.post(sound, "{\"part\":\"chords\",\"sound\":\"piano\"}"));
            s.awaitJob(s.post(sound, "{\"part\":\"drums\",\"sound\":\"drill-kit\"}"));
            JsonNode kit = variations(s, p).get(4);
            for (JsonNode part : plan(p, kit).path("parts")) {
                String want = part.path("role").asText().equals("drums") ? "drill-kit" : part.path("name").asText().equals("chords") ? "piano" : null;
                if (want != null) assertEquals(want, part.path("sound").asText(), part.path("name").asText());
            }
            for (JsonNode lane : kit.path("drums")) assertEquals("drill-kit", lane.path("sound").asText(), lane.path("name").asText());
            JsonNode sounds = s.get("/api/beat/sounds").json();
            assertTrue(sounds.toString().contains("{\"name\":\"piano\",\"fits\":\"chords\""), sounds.toString());
        }
    }

    @Test
    void aFolderOfOneShotsPlaysTheDrumsIsRecordedInThePlanAndABadKitOrSoundFontIsOne400(@TempDir Path kits) throws Exception {
        // a kit of one-shots written here: high sines, nothing like the built-in drums (a kick sweeping down to 50 Hz or so)
        Path kit = Files.createDirectories(kits.resolve("mykit"));
        Files.write(kit.resolve("kick.wav"), TestAudio.sineWav(2000, 0.8, 0, 0.25, 1));
        Files.write(kit.resolve("snare.wav"), TestAudio.sineWav(3000, 0.8, 0, 0.2, 2));
        Files.write(kit.resolve("hat.wav"), TestAudio.sineWav(5000, 0.5, 0, 0.1, 3));
        try (TestServer s = TestServer.in(ws)) {
            String p = s.createProject("Kit");
            String gen = "/api/projects/" + p + "/beat/generate";
            String prompt = "\"prompt\":\"boom bap, 90 bpm, A minor, 8 bars\",\"variations\":1,\"seed\":3";
            s.assertRefused(gen, "{" + prompt + ",\"kit\":\"/no/such/kit\"}", "kit not found: /no/such/kit");
            s.assertRefused(gen, "{" + prompt + ",\"kit\":\"kits/mykit\"}", "kit must be a full path on this computer");
            s.assertRefused(gen, "{" + prompt + ",\"kit\":\"" + ws + "\"}", "no one-shots named like kick, snare");
            Path junk = Files.writeString(kit.resolveSibling("junk.sf2"), "not a soundfont");
            s.assertRefused(gen, "{" + prompt + ",\"soundfont\":\"" + junk + "\"}", "junk.sf2: not an SF2 SoundFont");
            assertEquals(0, variations(s, p).size(), "nothing was generated for a refused request");
            // an impossible prompt is refused the same way, before any job
            s.assertRefused(gen, "{\"prompt\":\"trap, no melody in the bridge\",\"variations\":2}",
                    "'no melody in the bridge': no section 'bridge' (sections: intro, verse, hook, outro)");
            s.assertRefused(gen, "{\"prompt\":\"trap, 500 bpm\"}", "500 BPM is not a playable tempo");
            assertEquals(0, variations(s, p).size(), "nothing was generated for a refused prompt");

            s.awaitJob(s.post(gen, "{" + prompt + "}"));
            JsonNode builtIn = variations(s, p).get(0);
            assertTrue(builtIn.path("kit").isNull(), "built-in is the default: " + builtIn.path("kit"));
            s.awaitJob(s.post(gen, "{" + prompt + ",\"kit\":\"" + kit + "\",\"soundfont\":\"\"}"));
            JsonNode withKit = variations(s, p).get(0);
            assertEquals(kit.toString(), withKit.path("kit").asText());
            assertTrue(withKit.path("soundfont").isNull(), withKit.toString());
            assertEquals(builtIn.path("drums"), withKit.path("drums"), "the same seed plays the same hits, only the sounds change");

            // recorded as --kit records it: the kit's absolute path in beat.json and an edit line in the plan's reading
            JsonNode plan = plan(p, withKit);
            assertEquals(kit.toString(), plan.path("kit").asText());
            assertTrue(plan.path("reading").toString().contains("edit: drum kit mykit"), plan.path("reading").toString());
            assertTrue(s.get("/api/projects/" + p).json().path("decisions").toString().contains("with kit mykit"));

            // the kick stem plays the kit's 2 kHz one-shot: about 4000 zero crossings a second where it sounds, the built-in kick under 500
            double kitRate = crossingsPerSecond(ws.resolve(p).resolve(stem(withKit, "kick")));
            double builtInRate = crossingsPerSecond(ws.resolve(p).resolve(stem(builtIn, "kick")));
            assertEquals(4000, kitRate, 600, "kit kick");
            assertTrue(builtInRate < 500, "built-in kick " + builtInRate);

            // an edit of that variation keeps its kit (it renders from the saved plan)
            s.awaitJob(s.post("/api/projects/" + p + "/beat/tempo", "{\"tempo_bpm\":100}"));
            assertEquals(kit.toString(), variations(s, p).get(1).path("kit").asText());
            // and the chosen variation can go back to the built-in drums (--from-plan --kit): the same hits, the built-in kick again
            String sources = "/api/projects/" + p + "/beat/sources";
            s.assertRefused(sources, "{\"kit\":\"/no/such/kit\"}", "kit not found: /no/such/kit");
            s.awaitJob(s.post(sources, "{\"kit\":null}"));
            JsonNode back = variations(s, p).get(2);
            assertEquals("Variation 3 (built-in sounds)", back.path("label").asText());
            assertTrue(back.path("kit").isNull(), back.path("kit").toString());
            assertEquals(variations(s, p).get(1).path("drums"), back.path("drums"));
            assertTrue(crossingsPerSecond(ws.resolve(p).resolve(stem(back, "kick"))) < 500);
            assertTrue(plan(p, back).path("reading").toString().contains("edit: drum kit built-in"), plan(p, back).path("reading").toString());

            JsonNode options = s.get("/api/beat/options").json();
            assertEquals("[\"kick\",\"snare\",\"hats\",\"perc\",\"bass\",\"chords\",\"melody\"]", options.path("addable_parts").toString());
            assertTrue(options.path("kits").isArray() && options.path("soundfonts").isArray(), options.toString());
            assertTrue(options.path("sounds").toString().contains("{\"name\":\"reese\",\"fits\":\"bass\""), options.path("sounds").toString());
        }
    }

    private static String stem(JsonNode variation, String part) {
        for (JsonNode st : variation.path("stems")) if (st.path("part").asText().equals(part)) return st.path("path").asText();
        throw new AssertionError("no " + part + " stem in " + variation.path("stems"));
    }

    /** Sign changes per second over the samples louder than -50 dBFS (hysteresis, so quiet tails and dither do not count). */
    private static double crossingsPerSecond(Path wav) {
        dev.groundwork.core.audio.AudioBuffer b = dev.groundwork.core.audio.AudioFiles.read(wav);
        float[] x = b.channel(0);
        double t = 0.00316;
        int crossings = 0, loud = 0, sign = 0;
        for (float v : x) {
            if (Math.abs(v) < t) continue;
            loud++;
            int now = v > 0 ? 1 : -1;
            if (sign != 0 && now != sign) crossings++;
            sign = now;
        }
        assertTrue(loud > b.sampleRate() * 0.05, wav + " is nearly silent");
        return crossings * b.sampleRate() / (double) loud;
    }

    private static JsonNode variations(TestServer s, String p) {
        return s.get("/api/projects/" + p).json().path("state").path("beat").path("generation").path("variations");
    }

    private JsonNode plan(String p, JsonNode variation) throws Exception {
        return Json.MAPPER.readTree(ws.resolve(p).resolve(variation.path("plan_path").asText()).toFile());
    }

    private static double seconds(Path wav) throws Exception {
        try (var in = javax.sound.sampled.AudioSystem.getAudioInputStream(wav.toFile())) {
            return in.getFrameLength() / (double) in.getFormat().getFrameRate();
        }
    }

    @Test
    void aSixEightBeatIsShownInTwelveStepBars() throws Exception {
        try (TestServer s = TestServer.in(ws)) {
            String p = s.createProject("Waltz");
            s.awaitJob(s.post("/api/projects/" + p + "/beat/generate", "{\"prompt\":\"lo-fi in 6/8, 80 bpm, D minor, 4 bars\",\"variations\":1,\"seed\":2}"));
            JsonNode v = s.get("/api/projects/" + p).json().path("state").path("beat").path("generation").path("variations").get(0);
            assertEquals("6/8", v.path("time_signature").asText());
            assertEquals(12, v.path("steps_per_bar").asInt(), "a 6/8 bar is three quarter notes: 12 sixteenth-note steps");
            JsonNode kick = null;
            for (JsonNode lane : v.path("drums")) if (lane.path("name").asText().equals("kick")) kick = lane;
            assertTrue(kick != null, v.path("drums").toString());
            // the kick lands on every downbeat, and every hit falls inside the 4 bars of 12 steps
            java.util.Set<Integer> steps = new java.util.HashSet<>();
            for (JsonNode h : kick.path("hits")) steps.add(h.path("step").asInt());
            for (int bar = 0; bar < 4; bar++) assertTrue(steps.contains(bar * 12), "kick on the downbeat of bar " + bar + ": " + steps);
            assertTrue(steps.stream().allMatch(x -> x >= 0 && x < 48), steps.toString());
        }
    }
}
