package dev.groundwork.studio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groundwork.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Beat page's API drives the beat module: variations, lock drums and regenerate, key change, send to mix and master. */
class BeatApiTest {
    @TempDir
    Path ws;

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
