package dev.groundwork.studio;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Master page's API: the producer's own loudness target and true-peak ceiling (--lufs, --ceiling) in place of the preset's. */
class MasterApiTest {
    @TempDir
    Path ws;

    @Test
    void aCustomLoudnessAndCeilingAreMetKeptByAnAdjustmentAndCanBeGivenBackToThePreset() throws Exception {
        try (TestServer s = TestServer.in(ws)) {
            String p = s.createProject("Custom target");
            assertEquals(201, s.upload("/api/projects/" + p + "/master/upload", List.of(new TestServer.Part("song.wav", TestStems.mixWav(6.0, 5)))).status());

            s.assertRefused("/api/projects/" + p + "/master/propose", "{\"target\":\"spotify\",\"lufs\":-2}", "lufs must be between -40.0 and -3.0, not -2.0");
            s.assertRefused("/api/projects/" + p + "/master/propose", "{\"target\":\"spotify\",\"ceiling_dbtp\":0.5}", "ceiling_dbtp must be between -12.0 and 0.0, not 0.5");

            // spotify's -14 LUFS / -1 dBTP replaced by -16 LUFS / -2 dBTP
            s.awaitJob(s.post("/api/projects/" + p + "/master/propose", "{\"target\":\"spotify\",\"candidates\":1,\"lufs\":-16,\"ceiling_dbtp\":-2}"));
            JsonNode first = candidate(s, p, 0);
            assertEquals(-16.0, first.path("integrated_lufs").asDouble(), 0.2, first.toString());
            assertTrue(first.path("true_peak_dbtp").asDouble() <= -2.0 + 1e-6, first.toString());
            assertEquals("spotify", first.path("settings").path("target").asText());
            assertEquals(-16.0, first.path("settings").path("lufs").asDouble());
            assertEquals(-2.0, first.path("settings").path("ceiling_dbtp").asDouble());
            JsonNode decisions = s.get("/api/projects/" + p).json().path("decisions");
            assertEquals("proposed 1 candidates for spotify+custom -16.0 LUFS, -2.0 dBTP", decisions.get(decisions.size() - 1).path("summary").asText());

            // an adjustment that names only a new loudness keeps the candidate's custom ceiling
            String id = first.path("id").asText();
            s.awaitJob(s.post("/api/projects/" + p + "/master/adjust", "{\"candidate\":\"" + id + "\",\"lufs\":-12}"));
            JsonNode louder = candidate(s, p, 1);
            assertEquals(-12.0, louder.path("integrated_lufs").asDouble(), 0.2, louder.toString());
            assertTrue(louder.path("true_peak_dbtp").asDouble() <= -2.0 + 1e-6, louder.toString());
            assertEquals(-2.0, louder.path("settings").path("ceiling_dbtp").asDouble());

            // null gives both back to the preset: spotify's -14 LUFS
            s.awaitJob(s.post("/api/projects/" + p + "/master/adjust", "{\"candidate\":\"" + id + "\",\"lufs\":null,\"ceiling_dbtp\":null}"));
            JsonNode preset = candidate(s, p, 2);
            assertEquals(-14.0, preset.path("integrated_lufs").asDouble(), 0.2, preset.toString());
            assertTrue(preset.path("settings").path("lufs").isNull() && preset.path("settings").path("ceiling_dbtp").isNull(), preset.toString());
        }
    }

    @Test
    void aReferenceTrackIsTheEqCurveOfTheProposalAndOfAnAdjustment() throws Exception {
        try (TestServer s = TestServer.in(ws)) {
            String p = s.createProject("Reference");
            assertEquals(201, s.upload("/api/projects/" + p + "/master/upload", List.of(new TestServer.Part("song.wav", TestStems.mixWav(6.0, 5)))).status());
            TestServer.Reply up = s.upload("/api/projects/" + p + "/master/reference/upload", List.of(new TestServer.Part("bright.wav", whiteNoise(6.0))));
            assertEquals(201, up.status(), up.body());
            String ref = up.json().path("path").asText();
            JsonNode state = s.get("/api/projects/" + p).json().path("state").path("master");
            assertEquals(ref, state.path("reference").path("path").asText());
            assertTrue(state.path("source").path("path").asText().endsWith("song.wav"), "a reference does not replace the source");

            assertEquals(404, s.post("/api/projects/" + p + "/master/propose", "{\"reference\":\"master/references/none.wav\"}").status());

            s.awaitJob(s.post("/api/projects/" + p + "/master/propose", "{\"candidates\":1}"));
            JsonNode neutral = tonalBalance(p, candidate(s, p, 0));
            s.awaitJob(s.post("/api/projects/" + p + "/master/propose", "{\"candidates\":1,\"reference\":\"" + ref + "\"}"));
            JsonNode matched = candidate(s, p, 0);
            assertEquals(ref, matched.path("settings").path("reference").asText());
            JsonNode tonal = tonalBalance(p, matched);
            assertEquals("neutral", neutral.path("target_curve").asText());
            assertEquals("reference:bright.wav", tonal.path("target_curve").asText());
            // white noise is far brighter than the neutral curve: the top shelf lifts more toward it
            assertTrue(highShelfDb(tonal) > highShelfDb(neutral) + 0.5, highShelfDb(tonal) + " dB against " + highShelfDb(neutral) + " dB: " + tonal);

            // an adjustment keeps the candidate's reference unless told otherwise; null goes back to the neutral curve
            String id = matched.path("id").asText();
            s.awaitJob(s.post("/api/projects/" + p + "/master/adjust", "{\"candidate\":\"" + id + "\",\"eq_amount\":80}"));
            assertEquals("reference:bright.wav", tonalBalance(p, candidate(s, p, 1)).path("target_curve").asText());
            s.awaitJob(s.post("/api/projects/" + p + "/master/adjust", "{\"candidate\":\"" + id + "\",\"reference\":null}"));
            assertEquals("neutral", tonalBalance(p, candidate(s, p, 2)).path("target_curve").asText());
        }
    }

    private JsonNode tonalBalance(String project, JsonNode candidate) throws Exception {
        return dev.groundwork.core.json.Json.MAPPER.readTree(ws.resolve(project).resolve(candidate.path("plan_path").asText()).toFile())
                .path("stages").path("tonal_balance");
    }

    /** The gain of the tonal stage's high shelf on the mid channel. */
    private static double highShelfDb(JsonNode tonal) {
        for (JsonNode band : tonal.path("mid")) if (band.path("type").asText().equals("high_shelf")) return band.path("gain_db").asDouble();
        throw new AssertionError("no high shelf in " + tonal);
    }

    @Test
    void oneCharacterIsProposedAloneAndALowLimitingAllowanceStopsShortOfALoudTarget() throws Exception {
        try (TestServer s = TestServer.in(ws)) {
            String p = s.createProject("Character");
            assertEquals(201, s.upload("/api/projects/" + p + "/master/upload", List.of(new TestServer.Part("song.wav", TestStems.mixWav(6.0, 5)))).status());
            String url = "/api/projects/" + p + "/master/propose";
            s.assertRefused(url, "{\"character\":\"shiny\"}", "shiny");
            s.assertRefused(url, "{\"candidates\":6}", "candidates must be between 1 and 5, not 6");
            s.assertRefused(url, "{\"max_limiting_lu\":21}", "max_limiting_lu must be between 0.0 and 20.0, not 21.0");

            // warm alone; then warm first with the next character after it
            s.awaitJob(s.post(url, "{\"character\":\"warm\",\"candidates\":1,\"lufs\":-7}"));
            JsonNode run = s.get("/api/projects/" + p).json().path("state").path("master").path("run");
            assertEquals(1, run.path("candidates").size());
            JsonNode warm = run.path("candidates").get(0);
            assertEquals("warm", warm.path("character").asText());
            assertEquals(0.0, warm.path("settings").path("max_limiting_lu").asDouble(-1), "automatic unless asked");
            s.awaitJob(s.post(url, "{\"character\":\"punchy\",\"candidates\":2}"));
            assertEquals(List.of("punchy", "transparent"), s.get("/api/projects/" + p).json().path("state").path("master").path("run")
                    .path("candidates").findValuesAsText("character"));

            // -7 LUFS asks more of the limiter than 1 LU: the master stops short of the target and says so
            s.awaitJob(s.post(url, "{\"character\":\"warm\",\"candidates\":1,\"lufs\":-7,\"max_limiting_lu\":1}"));
            JsonNode held = candidate(s, p, 0);
            assertEquals(1.0, held.path("settings").path("max_limiting_lu").asDouble());
            assertTrue(held.path("integrated_lufs").asDouble() < warm.path("integrated_lufs").asDouble() - 0.5,
                    "1 LU of limiting: " + held.path("integrated_lufs") + " LUFS against " + warm.path("integrated_lufs") + " LUFS automatic");
            assertTrue(held.path("reasons").toString().contains("⚠"), held.path("reasons").toString());
            // an adjustment keeps the candidate's allowance unless it names another
            s.awaitJob(s.post("/api/projects/" + p + "/master/adjust", "{\"candidate\":\"warm\",\"eq_amount\":40}"));
            assertEquals(1.0, candidate(s, p, 1).path("settings").path("max_limiting_lu").asDouble());
            assertEquals(held.path("integrated_lufs").asDouble(), candidate(s, p, 1).path("integrated_lufs").asDouble(), 0.3);
        }
    }

    @Test
    void aCandidateIsDeliveredAtTheAskedRateAndBitsAndAtTheSourceRateItIsTheCandidateByteForByte() throws Exception {
        try (TestServer s = TestServer.in(ws)) {
            String p = s.createProject("Delivery");
            assertEquals(201, s.upload("/api/projects/" + p + "/master/upload", List.of(new TestServer.Part("song.wav", TestStems.mixWav(6.0, 5)))).status());
            s.awaitJob(s.post("/api/projects/" + p + "/master/propose", "{\"candidates\":1}"));
            JsonNode c = candidate(s, p, 0);
            String url = "/api/projects/" + p + "/master/deliver";
            s.assertRefused(url, "{\"candidate\":\"transparent\",\"bits\":\"20\"}", "bits must be one of [24, 16, 32f], not 20");
            s.assertRefused(url, "{\"candidate\":\"transparent\",\"rate_hz\":7000}", "rate_hz must be between 8000.0 and 192000.0, not 7000.0");
            s.assertRefused(url, "{\"candidate\":\"transparent\",\"rate_hz\":44100.5}", "rate_hz must be a whole number of Hz");

            JsonNode same = s.awaitJob(s.post(url, "{\"candidate\":\"transparent\"}")).path("result");
            assertEquals(44100.0, same.path("sample_rate_hz").asDouble());
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(ws.resolve(p).resolve(c.path("path").asText())),
                    Files.readAllBytes(ws.resolve(p).resolve(same.path("path").asText()))), "the source's rate at 24 bits is the candidate itself");

            JsonNode cd = s.awaitJob(s.post(url, "{\"candidate\":\"transparent\",\"rate_hz\":48000,\"bits\":\"16\"}")).path("result");
            assertTrue(cd.path("path").asText().endsWith("master-transparent-48000hz-16bit.wav"), cd.toString());
            try (var in = javax.sound.sampled.AudioSystem.getAudioInputStream(ws.resolve(p).resolve(cd.path("path").asText()).toFile())) {
                assertEquals(48000f, in.getFormat().getSampleRate());
                assertEquals(16, in.getFormat().getSampleSizeInBits());
            }
            assertEquals(c.path("integrated_lufs").asDouble(), cd.path("integrated_lufs").asDouble(), 0.1, cd.toString());
            assertTrue(cd.path("true_peak_dbtp").asDouble() <= -1.0 + 1e-6, cd.toString());
            JsonNode deliveries = s.get("/api/projects/" + p).json().path("state").path("master").path("deliveries");
            assertEquals(2, deliveries.size());
            JsonNode decisions = s.get("/api/projects/" + p).json().path("decisions");
            assertTrue(decisions.get(decisions.size() - 1).path("summary").asText().contains("at 48000 Hz, 16-bit"), decisions.toString());
        }
    }

    private static byte[] whiteNoise(double seconds) {
        java.util.Random rnd = new java.util.Random(3);
        float[] x = new float[(int) (seconds * 44100)];
        for (int i = 0; i < x.length; i++) x[i] = (float) (0.1 * rnd.nextGaussian());
        return TestStems.wav(x, 44100);
    }

    private static JsonNode candidate(TestServer s, String project, int i) {
        return s.get("/api/projects/" + project).json().path("state").path("master").path("run").path("candidates").get(i);
    }
}
