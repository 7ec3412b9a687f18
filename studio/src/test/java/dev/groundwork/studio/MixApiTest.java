package dev.groundwork.studio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groundwork.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Mix page's API drives the mix module: propose, change a fader, render it, export, undo. */
class MixApiTest {
    @TempDir
    Path ws;

    @Test
    void stemsAreMixedAFaderChangeIsRenderedAndLoggedAndUndoRestoresTheProposal() throws Exception {
        try (TestServer s = TestServer.in(ws)) {
            String p = projectWithStems(s, "Mix me");

            s.awaitJob(s.post("/api/projects/" + p + "/mix/propose", "{}"));
            JsonNode proposal = mixState(s, p).path("proposal");
            assertEquals(2, proposal.path("candidates").size());
            assertEquals("song", Json.MAPPER.readTree(ws.resolve(p).resolve(proposal.path("plan_path").asText()).toFile()).path("balance").asText(),
                    "uploaded stems are mixed with the song balance");
            JsonNode first = proposal.path("candidates").get(0);
            assertTrue(Files.size(ws.resolve(p).resolve(first.path("path").asText())) > 44, "rendered WAV exists");
            JsonNode bass = stem(first, "bass.wav");
            assertEquals("bass", bass.path("role").asText(), bass.toString());
            assertTrue(bass.path("reasons").size() >= 2, bass.toString());

            double newFader = bass.path("fader_db").asDouble() - 4.5;
            TestServer.Reply edit = s.post("/api/projects/" + p + "/mix/edit", "{\"stem\":\"bass.wav\",\"fader_db\":" + newFader + "}");
            assertEquals(200, edit.status(), edit.body());
            s.awaitJob(s.post("/api/projects/" + p + "/mix/render", "{}"));
            JsonNode state = mixState(s, p);
            JsonNode mine = state.path("proposal").path("candidates").get(2);
            assertEquals(newFader, stem(mine, "bass.wav").path("fader_db").asDouble(), 0.05);
            JsonNode plan = Json.MAPPER.readTree(ws.resolve(p).resolve(mine.path("plan_path").asText()).toFile());
            for (JsonNode sp : plan.path("stems")) {
                if (sp.path("file").asText().equals("bass.wav")) {
                    assertEquals(newFader, sp.path("gain_db").asDouble(), 1e-9);
                    assertTrue(sp.path("gain_reason").asText().startsWith("set by the producer"), sp.path("gain_reason").asText());
                }
            }

            JsonNode exp = s.awaitJob(s.post("/api/projects/" + p + "/mix/export", "{\"format\":\"wav\"}"));
            assertTrue(Files.size(ws.resolve(p).resolve(exp.path("result").path("path").asText())) > 44);

            JsonNode daw = s.awaitJob(s.post("/api/projects/" + p + "/mix/export", "{\"format\":\"dawproject\"}"));
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(ws.resolve(p).resolve(daw.path("result").path("path").asText()).toFile())) {
                assertTrue(zip.getEntry("project.xml") != null && zip.getEntry("audio/bass.wav") != null);
            }

            // undo both export records, the render, then the fader change: the edit map is empty again
            for (int i = 0; i < 4; i++) assertEquals(200, s.post("/api/projects/" + p + "/undo", "").status());
            JsonNode after = mixState(s, p);
            assertTrue(after.path("edits").isMissingNode(), after.toString());
            assertEquals(2, after.path("proposal").path("candidates").size());
        }
    }

    @Test
    void theMaskingLevelIsChosenWithTheProposalAndKeptWhenARoleChangeRePlans() throws Exception {
        try (TestServer s = TestServer.in(ws)) {
            String p = projectWithStems(s, "Masking level");

            s.assertRefused("/api/projects/" + p + "/mix/propose", "{\"masking_level\":1.5}", "masking_level must be between 0.0 and 1.0, not 1.5");

            assertMaskingLevelZero(proposeFirstPlan(s, p, "{\"masking_level\":0}"));

            // a role change re-plans the mix: with the level the proposal was made with, not the default
            assertEquals(200, s.post("/api/projects/" + p + "/mix/edit", "{\"stem\":\"keys.wav\",\"role\":\"pad\"}").status());
            s.awaitJob(s.post("/api/projects/" + p + "/mix/render", "{}"));
            JsonNode mine = candidate(s, p, 2);
            JsonNode replanned = plan(p, mine);
            assertEquals("pad", stem(mine, "keys.wav").path("role").asText());
            assertMaskingLevelZero(replanned);
        }
    }

    @Test
    void theMaskingCutStrengthAndTheLeadAreChosenWithTheProposalAndKeptWhenARoleChangeRePlans() throws Exception {
        try (TestServer s = TestServer.in(ws)) {
            String p = projectWithStems(s, "Masking cuts", padUnderTheKeys());

            s.assertRefused("/api/projects/" + p + "/mix/propose", "{\"masking_strength\":-0.1}", "masking_strength must be between 0.0 and 1.0, not -0.1");
            s.assertRefused("/api/projects/" + p + "/mix/propose", "{\"lead\":\"vocal.wav\"}", "lead must be one of the stems");

            // the keys named as lead: the pad, which covers them in their loudest band, gets a masking cut; full strength cuts
            // twice as deep as the default 0.5 (until the 6 dB limit), strength 0 cuts nothing
            double half = maskingCutDb(proposeFirstPlan(s, p, "{\"lead\":\"keys.wav\"}"), "pad.wav");
            JsonNode full = proposeFirstPlan(s, p, "{\"lead\":\"keys.wav\",\"masking_strength\":1}");
            assertEquals("keys.wav", full.path("lead").asText());
            double fullCut = maskingCutDb(full, "pad.wav");
            assertTrue(half >= 0.5, "the default strength cuts the pad: " + half);
            assertEquals(Math.min(6, 2 * half), fullCut, 0.15, "strength 1 against 0.5");
            assertEquals(0.0, maskingCutDb(proposeFirstPlan(s, p, "{\"lead\":\"keys.wav\",\"masking_strength\":0}"), "pad.wav"));

            // the last proposal asked for strength 0; propose at 1 again, then a role change re-plans with the same strength and lead
            JsonNode again = proposeFirstPlan(s, p, "{\"lead\":\"keys.wav\",\"masking_strength\":1}");
            JsonNode proposal = mixState(s, p).path("proposal");
            assertEquals(1.0, proposal.path("masking_strength").asDouble(-1));
            assertEquals("keys.wav", proposal.path("lead").asText());
            assertEquals(200, s.post("/api/projects/" + p + "/mix/edit", "{\"stem\":\"hats.wav\",\"role\":\"percussion\"}").status());
            s.awaitJob(s.post("/api/projects/" + p + "/mix/render", "{}"));
            JsonNode replanned = plan(p, candidate(s, p, 2));
            assertEquals("percussion", planStem(replanned, "hats.wav").path("role").asText());
            assertEquals("keys.wav", replanned.path("lead").asText());
            assertEquals(maskingCutDb(again, "pad.wav"), maskingCutDb(replanned, "pad.wav"), 1e-9);

            // masking_strength edited to 0 in the plan file: the next re-plan follows the plan, not the proposal's 1, so no cut
            Path planFile = ws.resolve(p).resolve(proposal.path("plan_path").asText());
            com.fasterxml.jackson.databind.node.ObjectNode edited = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(planFile.toFile());
            Files.writeString(planFile, Json.MAPPER.writeValueAsString(edited.put("masking_strength", 0.0)));
            s.awaitJob(s.post("/api/projects/" + p + "/mix/render", "{}"));
            JsonNode followed = plan(p, candidate(s, p, 3));
            assertEquals("percussion", planStem(followed, "hats.wav").path("role").asText(), "re-planned with the role change");
            assertEquals(0.0, followed.path("masking_strength").asDouble(-1));
            assertEquals(0.0, maskingCutDb(followed, "pad.wav"));
        }
    }

    @Test
    void moreBassAFixOnTheKeysAndALowerHeadroomReachThePlanAndARoleChangeRePlanKeepsThem() throws Exception {
        try (TestServer s = TestServer.in(ws)) {
            String p = projectWithStems(s, "Intents");
            String url = "/api/projects/" + p + "/mix/propose";
            s.assertRefused(url, "{\"intents\":{\"cowbell\":1}}", "cannot ask for more or less cowbell");
            s.assertRefused(url, "{\"intents\":{\"vocal\":4}}", "vocal must be between -3 and 3, not 4");
            // a step is one --more or --less: 1.5 is refused, not rounded down to one step
            s.assertRefused(url, "{\"intents\":{\"vocal\":1.5}}", "vocal must be a whole number between -3 and 3, not 1.5");
            s.assertRefused(url, "{\"intents\":{\"bass\":-0.5}}", "bass must be a whole number between -3 and 3, not -0.5");
            s.assertRefused(url, "{\"intents\":{\"bass\":\"2\"}}", "bass must be a whole number between -3 and 3");
            s.assertRefused(url, "{\"fixes\":{\"tuba\":-2}}", "a fix moves a role");
            s.assertRefused(url, "{\"fixes\":{\"bass\":-13}}", "bass must be between -12.0 and 12.0, not -13.0");
            s.assertRefused(url, "{\"headroom_dbfs\":1}", "headroom_dbfs must be between -30.0 and 0.0, not 1.0");

            // the masking-aware level off, so the faders move by the asked steps alone
            JsonNode base = proposeFirstPlan(s, p, "{\"candidates\":1,\"masking_level\":0}");
            JsonNode asked = proposeFirstPlan(s, p, "{\"candidates\":1,\"masking_level\":0,\"intents\":{\"bass\":1,\"reverb\":0},"
                    + "\"fixes\":{\"keys\":-3},\"headroom_dbfs\":-10}");
            double bassUp = planStem(asked, "bass.wav").path("gain_db").asDouble() - planStem(base, "bass.wav").path("gain_db").asDouble();
            double keysDown = planStem(asked, "keys.wav").path("gain_db").asDouble() - planStem(base, "keys.wav").path("gain_db").asDouble();
            assertEquals(2.0, bassUp, 1e-6, "one step of --more bass is 2 dB on the bass");
            assertEquals(-3.0, keysDown, 1e-6, "--fix keys=-3dB");
            assertEquals(planStem(base, "kick.wav").path("gain_db").asDouble(), planStem(asked, "kick.wav").path("gain_db").asDouble(), 1e-9);
            assertEquals(-10.0, asked.path("mix_bus").path("peak_ceiling_dbfs").asDouble(), 1e-9);
            JsonNode proposal = mixState(s, p).path("proposal");
            assertEquals("{\"bass\":1}", proposal.path("intents").toString(), "a step of 0 is left out");
            JsonNode decisions = s.get("/api/projects/" + p).json().path("decisions");
            assertEquals("proposed a mix of 4 stems (more bass, keys -3.0 dB, peaks at -10.0 dBFS)", decisions.get(decisions.size() - 1).path("summary").asText());
            assertEquals(-3.0, proposal.path("fixes").path("keys").asDouble());
            assertTrue(proposal.path("candidates").get(0).path("sample_peak_dbfs").asDouble() <= -10 + 0.01, proposal.toString());

            // a role change re-plans with what the proposal asked for
            assertEquals(200, s.post("/api/projects/" + p + "/mix/edit", "{\"stem\":\"hats.wav\",\"role\":\"percussion\"}").status());
            s.awaitJob(s.post("/api/projects/" + p + "/mix/render", "{}"));
            JsonNode replanned = plan(p, candidate(s, p, 1));
            assertEquals("percussion", planStem(replanned, "hats.wav").path("role").asText());
            for (String stem : List.of("bass.wav", "keys.wav")) {
                assertEquals(planStem(asked, stem).path("gain_db").asDouble(), planStem(replanned, stem).path("gain_db").asDouble(), 1e-9, stem);
            }
            assertEquals(-10.0, replanned.path("mix_bus").path("peak_ceiling_dbfs").asDouble(), 1e-9);
        }
    }

    @Test
    void aReaperProjectOfTheEditedMixNamesTheStemsWhereTheStudioKeepsThem() throws Exception {
        try (TestServer s = TestServer.in(ws)) {
            String p = projectWithStems(s, "Reaper");
            s.awaitJob(s.post("/api/projects/" + p + "/mix/propose", "{\"candidates\":1}"));
            assertEquals(200, s.post("/api/projects/" + p + "/mix/edit", "{\"stem\":\"bass.wav\",\"fader_db\":-12}").status());
            s.assertRefused("/api/projects/" + p + "/mix/export", "{\"format\":\"logic\"}", "export format is wav, dawproject or rpp, not logic");

            JsonNode job = s.awaitJob(s.post("/api/projects/" + p + "/mix/export", "{\"format\":\"rpp\"}"));
            String rel = job.path("result").path("path").asText();
            assertTrue(rel.endsWith("/mix.rpp"), rel);
            String rpp = Files.readString(ws.resolve(p).resolve(rel));
            assertTrue(rpp.startsWith("<REAPER_PROJECT"), rpp.substring(0, Math.min(80, rpp.length())));
            JsonNode stems = mixState(s, p).path("stems");
            for (JsonNode st : stems) {
                Path abs = ws.resolve(p).resolve(st.path("path").asText()).toAbsolutePath().normalize();
                assertTrue(rpp.contains("FILE \"" + abs.toString().replace('\\', '/') + "\""), "absolute path of " + abs + " in\n" + rpp);
            }
            // the bass track's volume is the producer's fader: -12 dB is 0.251 linear
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("NAME \"bass \\(bass\\)\"\\s+VOLPAN ([0-9.]+)").matcher(rpp);
            assertTrue(m.find(), rpp);
            assertEquals(Math.pow(10, -12 / 20.0), Double.parseDouble(m.group(1)), 1e-4);
            JsonNode exports = mixState(s, p).path("exports");
            assertEquals(rel, exports.path("rpp").path("path").asText());
        }
    }

    /** A sustained tone on the keys' middle note (554 Hz): it covers the keys in their loudest band. */
    private static Map<String, byte[]> padUnderTheKeys() {
        int sr = 44100, n = 4 * sr;
        float[] pad = new float[n];
        for (int i = 0; i < n; i++) {
            double t = i / (double) sr;
            pad[i] = (float) (0.3 * Math.sin(2 * Math.PI * 554.37 * t));
        }
        return Map.of("pad.wav", TestStems.wav(pad, sr));
    }

    private JsonNode proposeFirstPlan(TestServer s, String project, String body) throws Exception {
        s.awaitJob(s.post("/api/projects/" + project + "/mix/propose", body));
        return plan(project, candidate(s, project, 0));
    }

    /** The depth of a stem's masking cut in dB (0 when it has none). */
    private static double maskingCutDb(JsonNode plan, String file) {
        double cut = 0;
        for (JsonNode band : planStem(plan, file).path("eq")) {
            if (band.path("reason").asText().startsWith("masking:")) cut -= band.path("gain_db").asDouble();
        }
        return cut;
    }

    @Test
    void upToFiveCandidatesOnePerStyleAndTheBeatForwardOneHasTheDrumsUp() throws Exception {
        try (TestServer s = TestServer.in(ws)) {
            String p = projectWithStems(s, "Styles");
            s.assertRefused("/api/projects/" + p + "/mix/propose", "{\"candidates\":6}", "candidates must be between 1 and 5, not 6");

            s.awaitJob(s.post("/api/projects/" + p + "/mix/propose", "{\"candidates\":5}"));
            JsonNode candidates = mixState(s, p).path("proposal").path("candidates");
            List<String> ids = new ArrayList<>();
            for (JsonNode c : candidates) {
                ids.add(c.path("id").asText());
                assertEquals(c.path("id").asText(), plan(p, c).path("style").asText(), "each candidate is its plan's style");
            }
            assertEquals(List.of("balanced", "vocal_forward", "beat_forward", "wide", "dry"), ids);
            double balancedKick = stem(candidates.get(0), "kick.wav").path("fader_db").asDouble();
            double beatKick = stem(candidates.get(2), "kick.wav").path("fader_db").asDouble();
            assertTrue(beatKick > balancedKick + 0.5, "beat forward " + beatKick + " dB against balanced " + balancedKick + " dB");
        }
    }

    @Test
    void aStemMarkedAsBleedIsHeldTwelveDbUnderItsRoleLevelAndTheMarkCanBeTakenOff() throws Exception {
        try (TestServer s = TestServer.in(ws)) {
            String p = projectWithStems(s, "Bleed");
            s.awaitJob(s.post("/api/projects/" + p + "/mix/propose", "{}"));
            JsonNode first = candidate(s, p, 0);
            JsonNode proposed = planStem(plan(p, first), "hats.wav");
            assertFalse(stem(first, "hats.wav").path("bleed").asBoolean(true));

            s.assertRefused("/api/projects/" + p + "/mix/edit", "{\"stem\":\"hats.wav\",\"bleed\":\"yes\"}", "bleed must be true or false");

            TestServer.Reply on = s.post("/api/projects/" + p + "/mix/edit", "{\"stem\":\"hats.wav\",\"bleed\":true}");
            assertEquals(200, on.status(), on.body());
            JsonNode state = s.get("/api/projects/" + p).json();
            assertTrue(state.path("state").path("mix").path("edits").path("hats.wav").path("bleed").asBoolean());
            JsonNode decisions = state.path("decisions");
            assertEquals("hats.wav: bleed/room track", decisions.get(decisions.size() - 1).path("summary").asText(), decisions.toString());

            s.awaitJob(s.post("/api/projects/" + p + "/mix/render", "{}"));
            JsonNode mine = candidate(s, p, 2);
            JsonNode held = planStem(plan(p, mine), "hats.wav");
            assertTrue(held.path("bleed").asBoolean() && stem(mine, "hats.wav").path("bleed").asBoolean(), held.toString());
            assertTrue(held.path("gain_reason").asText().contains("named as bleed/room: held 12 dB under its role's level"), held.path("gain_reason").asText());
            // 12 dB under where its role put it before the masking move (a held stem gets none)
            double before = proposed.path("gain_db").asDouble() - proposed.path("masking_move").path("gain_db").asDouble();
            assertEquals(before - 12, held.path("gain_db").asDouble(), 0.3, held.path("gain_reason").asText());
            assertTrue(held.path("masking_move").isNull(), held.toString());

            // take the mark off again: the next render is the proposal's plan for the hats
            assertEquals(200, s.post("/api/projects/" + p + "/mix/edit", "{\"stem\":\"hats.wav\",\"bleed\":false}").status());
            s.awaitJob(s.post("/api/projects/" + p + "/mix/render", "{}"));
            JsonNode again = candidate(s, p, 3);
            JsonNode back = planStem(plan(p, again), "hats.wav");
            assertFalse(back.path("bleed").asBoolean(true));
            assertEquals(proposed.path("gain_db").asDouble(), back.path("gain_db").asDouble(), 1e-9);
        }
    }

    /** The project's Mix page state as the page reads it. */
    private static JsonNode mixState(TestServer s, String project) {
        return s.get("/api/projects/" + project).json().path("state").path("mix");
    }

    /** The proposal's candidate number {@code index} (the proposed ones first, then one per render). */
    private static JsonNode candidate(TestServer s, String project, int index) {
        return mixState(s, project).path("proposal").path("candidates").get(index);
    }

    private static JsonNode planStem(JsonNode plan, String file) {
        for (JsonNode sp : plan.path("stems")) if (sp.path("file").asText().equals(file)) return sp;
        throw new AssertionError("no stem " + file + " in " + plan);
    }

    /** A new project with the four test stems (bass, hats, keys, kick; 4 s) and any extra ones uploaded to its Mix page. */
    private static String projectWithStems(TestServer s, String name) {
        return projectWithStems(s, name, Map.of());
    }

    private static String projectWithStems(TestServer s, String name, Map<String, byte[]> extra) {
        String p = s.createProject(name);
        List<TestServer.Part> parts = new ArrayList<>();
        TestStems.song(4.0, 7).forEach((file, bytes) -> parts.add(new TestServer.Part(file, bytes)));
        extra.forEach((file, bytes) -> parts.add(new TestServer.Part(file, bytes)));
        assertEquals(201, s.upload("/api/projects/" + p + "/mix/upload", parts).status());
        return p;
    }

    private JsonNode plan(String project, JsonNode candidate) throws Exception {
        return Json.MAPPER.readTree(ws.resolve(project).resolve(candidate.path("plan_path").asText()).toFile());
    }

    private static void assertMaskingLevelZero(JsonNode plan) {
        assertEquals(0.0, plan.path("masking_level").asDouble(-1));
        for (JsonNode sp : plan.path("stems")) {
            assertTrue(!sp.path("gain_reason").asText().contains("masking"), sp.path("gain_reason").asText());
            assertEquals(0.0, sp.path("masking_move").path("gain_db").asDouble(-1), sp.toString());
        }
    }

    private static JsonNode stem(JsonNode candidate, String name) {
        for (JsonNode st : candidate.path("stems")) if (st.path("name").asText().equals(name)) return st;
        throw new AssertionError("no stem " + name + " in " + candidate);
    }
}
