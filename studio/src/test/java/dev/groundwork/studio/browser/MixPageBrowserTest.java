package dev.groundwork.studio.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groundwork.studio.TestServer;
import dev.groundwork.studio.TestStems;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In a real browser: upload stems, ask for more bass and a fix, get a proposed mix, move a fader, solo/mute, export WAV, DAWproject and Reaper. */
class MixPageBrowserTest {
    @TempDir
    Path ws;
    @TempDir
    Path files;

    @BeforeAll
    static void browserPresent() { Browser.assumeInstalled(); }

    @Test
    void mixUploadedStemsChangeAFaderAndExport() throws Exception {
        List<String> paths = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : TestStems.song(4.0, 11).entrySet()) {
            paths.add(Files.write(files.resolve(e.getKey()), e.getValue()).toString());
        }
        try (TestServer s = TestServer.in(ws); Browser b = new Browser()) {
            String p = s.createProject("Browser mix");
            b.driver.get(s.base() + "/#" + p + "/mix");
            b.waitFor("the stem drop zone", Duration.ofSeconds(20), d -> !d.findElements(By.cssSelector(".dropzone input[type=file]")).isEmpty());
            b.stable(".dropzone input[type=file]", e -> {
                e.sendKeys(String.join("\n", paths));
                return null;
            });
            b.waitFor("four stems listed", Duration.ofSeconds(30), d -> d.findElement(By.id("mix-stems-info")).getText().startsWith("4 stems"));

            // the masking-aware level beside the level conventions: its default shown, a new value sent with the proposal
            assertEquals("0.2", b.attribute("#mix-masking-level", "value"));
            b.type("#mix-masking-level", "0.4");
            // the EQ masking-cut strength and the lead beside it: defaults shown, the lead's choices are the uploaded stems
            assertEquals("0.5", b.attribute("#mix-masking-strength", "value"));
            b.type("#mix-masking-strength", "0.75");
            assertEquals(5, b.driver.findElements(By.cssSelector("#mix-lead option")).size(), "chosen for me and the four stems");
            b.select("#mix-lead", "keys.wav");
            // more bass twice and back once, less reverb; the keys fixed 2 dB down; the mix peaking at -8 dBFS
            b.click("#mix-more-bass");
            b.click("#mix-more-bass");
            b.click("#mix-less-bass");
            b.click("#mix-less-reverb");
            assertEquals("+1", b.text("#mix-intent-bass"));
            assertEquals("−1", b.text("#mix-intent-reverb"));
            b.waitFor("the roles in the fix menu", Duration.ofSeconds(10), d -> d.findElements(By.cssSelector("#mix-fix-role option[value=keys]")).size() == 1);
            b.select("#mix-fix-role", "keys");
            b.type("#mix-fix-db", "-2");
            b.click("#mix-fix-add");
            assertTrue(b.text("#mix-fix-keys").startsWith("keys -2 dB"), b.text("#mix-fix-keys"));
            assertEquals("-6", b.attribute("#mix-headroom", "value"));
            b.type("#mix-headroom", "-8");
            // three candidates instead of the default two: the third is beat forward
            assertEquals("2", b.attribute("#mix-count", "value"));
            b.type("#mix-count", "3");
            b.click("#mix-propose");
            b.waitFor("three mix candidates", Duration.ofSeconds(120), d -> d.findElements(By.cssSelector("#mix-candidates .cand")).size() == 3);
            assertTrue(b.text("#mixcand-beat_forward").startsWith("Beat forward"), b.text("#mixcand-beat_forward"));
            b.waitFor("proposed strips", Duration.ofSeconds(10), d -> d.findElements(By.cssSelector("#mix-strips .strip")).size() == 4);
            // each candidate says which tempo its delay is timed from, and why (the plan's space.tempo_bpm / tempo_reason)
            JsonNode first = s.get("/api/projects/" + p).json().path("state").path("mix").path("proposal").path("candidates").get(0);
            com.fasterxml.jackson.databind.JsonNode space = dev.groundwork.core.json.Json.MAPPER
                    .readTree(ws.resolve(p).resolve(first.path("plan_path").asText()).toFile()).path("space");
            String delayText = b.text("#mixdelay-" + first.path("id").asText());
            String bpm = space.path("tempo_bpm").isNumber()
                    ? String.format(java.util.Locale.ROOT, "%.1f BPM", space.path("tempo_bpm").asDouble()) : "120 BPM assumed";
            assertTrue(delayText.contains("Delay tempo " + bpm), delayText + " / " + space);
            assertTrue(delayText.contains(String.format(java.util.Locale.ROOT, "%.0f ms", space.path("delay_time_ms").asDouble())), delayText);
            assertTrue(delayText.contains(space.path("tempo_reason").asText()), delayText + " / " + space.path("tempo_reason"));
            // uploaded stems: the planner chose the level conventions from the kick, and the card shows its note
            JsonNode plan = dev.groundwork.core.json.Json.MAPPER.readTree(ws.resolve(p).resolve(first.path("plan_path").asText()).toFile());
            String balanceNote = null;
            for (JsonNode n : plan.path("notes")) if (n.asText().startsWith("balance: ")) balanceNote = n.asText();
            assertTrue(balanceNote != null && balanceNote.startsWith("balance: " + plan.path("balance").asText() + " (chosen: the kick kick.wav"),
                    plan.path("notes").toString());
            assertEquals(balanceNote, b.text("#mixbalance-" + first.path("id").asText()));
            assertEquals(3, b.driver.findElements(By.cssSelector("#mix-balance option")).size());
            assertEquals(0.4, plan.path("masking_level").asDouble(), "the page's masking level reached the plan");
            assertEquals("keys.wav", plan.path("lead").asText(), "the page's lead reached the plan");
            JsonNode proposal = s.get("/api/projects/" + p).json().path("state").path("mix").path("proposal");
            assertEquals(0.75, proposal.path("masking_strength").asDouble(), "the page's masking-cut strength reached the proposal");
            // compared by key: the order the steps reach the proposal in is not part of it
            assertEquals(2, proposal.path("intents").size(), proposal.path("intents").toString());
            assertEquals(1, proposal.path("intents").path("bass").asInt(), "the page's steps reached the proposal: " + proposal.path("intents"));
            assertEquals(-1, proposal.path("intents").path("reverb").asInt(), "the page's steps reached the proposal: " + proposal.path("intents"));
            assertEquals(-2.0, proposal.path("fixes").path("keys").asDouble(), proposal.toString());
            assertEquals(-8.0, plan.path("mix_bus").path("peak_ceiling_dbfs").asDouble(), "the page's headroom reached the plan");
            assertEquals("Asked for: more bass, less reverb, keys -2 dB, peaks at -8 dBFS", b.text("#mix-asked"));
            assertEquals("keys.wav", b.attribute("#mix-lead", "value"), "the lead stays chosen when the page redraws");
            String bassRole = b.attribute(".strip[data-stem='bass.wav'] select.role", "data-value");
            assertEquals("bass", bassRole);

            // move the bass fader down with the keyboard: each arrow is one 0.5 dB step; the change is logged
            String fader = ".strip[data-stem='bass.wav'] input.fader";
            double before = Double.parseDouble(b.attribute(fader, "value"));
            b.stable(fader, e -> b.js("arguments[0].focus()", e));
            org.openqa.selenium.interactions.Actions keys = new org.openqa.selenium.interactions.Actions(b.driver);
            for (int i = 0; i < 6; i++) keys.sendKeys(Keys.ARROW_DOWN);
            keys.perform();
            b.waitFor("the fader change in the log", Duration.ofSeconds(10),
                    d -> d.findElement(By.id("decisions")).getText().contains("bass.wav: fader"));
            var state = s.get("/api/projects/" + p).json();
            assertEquals(before - 3.0, state.path("state").path("mix").path("edits").path("bass.wav").path("fader_db").asDouble(), 1e-9);
            assertEquals(3, state.path("decisions").size(), "six key presses are one logged decision");

            // mark the hats as a bleed/room track with the strip's checkbox: one click, one logged decision
            b.click(".strip[data-stem='hats.wav'] label.bleed input");
            b.waitFor("the bleed mark in the log", Duration.ofSeconds(10),
                    d -> d.findElement(By.id("decisions")).getText().contains("hats.wav: bleed/room track"));
            state = s.get("/api/projects/" + p).json();
            assertTrue(state.path("state").path("mix").path("edits").path("hats.wav").path("bleed").asBoolean(), state.path("state").toString());
            assertEquals(4, state.path("decisions").size());
            b.waitFor("the checkbox still ticked after the page re-renders", Duration.ofSeconds(10),
                    d -> d.findElement(By.cssSelector(".strip[data-stem='hats.wav'] label.bleed input")).isSelected());

            // solo the kick in the Web Audio preview: every other strip is silent
            b.click(".strip[data-stem='kick.wav'] button.solo");
            b.click("#mix-play");
            b.waitFor("the preview to play", Duration.ofSeconds(20), d -> d.findElement(By.id("mix-play")).getText().contains("Stop"));
            Thread.sleep(150); // gains glide over ~10 ms
            Object gains = b.js("return [...GW.mixPreview.nodes.entries()].map(([n, x]) => n + '=' + (x.gain.gain.value > 0.001 ? 'on' : 'off')).sort().join(',')");
            assertEquals("bass.wav=off,hats.wav=off,keys.wav=off,kick.wav=on", gains);
            b.click("#mix-play");

            b.click("#mix-export-wav");
            b.waitVisible("#mix-download-wav", Duration.ofSeconds(120));
            b.click("#mix-export-dawproject");
            b.waitVisible("#mix-download-dawproject", Duration.ofSeconds(120));
            b.click("#mix-export-rpp");
            b.waitVisible("#mix-download-rpp", Duration.ofSeconds(120));
            String rpp = b.attribute("#mix-download-rpp", "href");
            assertTrue(rpp.endsWith("mix.rpp?download=1"), rpp);
            TestServer.Reply reaper = s.get(rpp.substring(s.base().length()));
            assertEquals(200, reaper.status());
            assertTrue(reaper.body().startsWith("<REAPER_PROJECT") && reaper.body().contains("bass.wav\""), reaper.body());
            String wav = b.attribute("#mix-download-wav", "href"), daw = b.attribute("#mix-download-dawproject", "href");
            assertTrue(wav.endsWith("mix.wav?download=1"), wav);
            assertTrue(daw.endsWith("mix.dawproject?download=1"));
            TestServer.Reply got = s.get(daw.substring(s.base().length()));
            assertEquals(200, got.status());
            b.js("document.getElementById('page').scrollTo(0, 0)");
            b.screenshot("mix");
        }
    }
}
