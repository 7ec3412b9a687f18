package dev.groundwork.studio.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groundwork.studio.TestServer;
import dev.groundwork.studio.TestStems;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In a real browser: upload a generated mix, propose masters, switch A/B at the same position, choose, adjust, re-render. */
class MasterPageBrowserTest {
    @TempDir
    Path ws;
    @TempDir
    Path files;

    @BeforeAll
    static void browserPresent() { Browser.assumeInstalled(); }

    @Test
    void masterAnUploadedFileAndSwitchAB() throws Exception {
        Path song = Files.write(files.resolve("my song.wav"), TestStems.mixWav(8.0, 5));
        try (TestServer s = TestServer.in(ws); Browser b = new Browser()) {
            String p = s.createProject("Browser master");
            b.driver.get(s.base() + "/#" + p + "/master");
            b.waitFor("the drop zone", Duration.ofSeconds(20), d -> !d.findElements(By.cssSelector(".dropzone input[type=file]")).isEmpty());
            b.stable(".dropzone input[type=file]", e -> {
                e.sendKeys(song.toString());
                return null;
            });
            b.waitFor("the source name", Duration.ofSeconds(30), d -> d.findElement(By.id("master-source-name")).getText().contains("my song.wav"));
            b.waitFor("the integrated loudness meter", Duration.ofSeconds(30),
                    d -> d.findElement(By.id("master-meters")).getText().contains("LUFS"));

            b.stable("#master-target", e -> {
                new Select(e).selectByValue("spotify");
                return null;
            });
            b.type("#master-count", "2");
            assertEquals("transparent", b.attribute("#master-character", "value"), "the first candidate is transparent unless chosen");
            assertEquals("auto", b.attribute("#master-max-limiting", "placeholder"));
            // the producer's own loudness and ceiling in place of spotify's -14 LUFS / -1 dBTP (--lufs, --ceiling)
            assertEquals("preset", b.attribute("#master-lufs", "placeholder"));
            b.type("#master-lufs", "-15");
            b.type("#master-ceiling", "-1.5");
            // a reference track dropped on its own zone is offered (and picked) as the tonal reference; the source stays
            assertEquals("", b.attribute("#master-reference", "value"), "no reference until one is chosen");
            Path ref = Files.write(files.resolve("ref.wav"), TestStems.mixWav(6.0, 9));
            b.stable("#master-reference-drop input[type=file]", e -> {
                e.sendKeys(ref.toString());
                return null;
            });
            b.waitFor("the reference picked", Duration.ofSeconds(30),
                    d -> d.findElement(By.id("master-reference")).getAttribute("value").endsWith("ref.wav"));
            assertTrue(b.text("#master-source-name").contains("my song.wav"));
            b.click("#master-propose");
            b.waitFor("two candidates", Duration.ofSeconds(180), d -> d.findElements(By.cssSelector("#master-candidates .cand")).size() == 2);
            b.waitFor("three A/B buttons", Duration.ofSeconds(30), d -> d.findElements(By.cssSelector("#master-ab button")).size() == 3);

            JsonNode run = s.get("/api/projects/" + p).json().path("state").path("master").path("run");
            for (JsonNode c : run.path("candidates")) {
                assertTrue(c.path("settings").path("reference").asText().endsWith("references/ref.wav"), c.toString());
                assertEquals(-15.0, c.path("integrated_lufs").asDouble(), 0.2, c.toString());
                assertTrue(c.path("true_peak_dbtp").asDouble() <= -1.5 + 1e-6, c.toString());
            }

            // seek to 3 s on the original, then switch to candidate A: the same position, now heard from A
            b.click("#ab-orig");
            b.waitFor("media ready", Duration.ofSeconds(20), d -> ((Number) b.js("return GW.player.duration()")).doubleValue() > 7.9);
            b.js("GW.player.seek(3.0)");
            b.click("#ab-transparent");
            assertEquals("transparent", b.js("return GW.player.activeId"));
            assertEquals(3.0, ((Number) b.js("return GW.player.position()")).doubleValue(), 0.05, "A takes over at the original's position");
            // while playing, every source runs together so a switch lands at the same place
            b.click("#master-play");
            Thread.sleep(800);
            double spread = ((Number) b.js("const t = [...GW.player.sources.values()].map(s => s.audio.currentTime); return Math.max(...t) - Math.min(...t)")).doubleValue();
            double playing = ((Number) b.js("return GW.player.position()")).doubleValue();
            assertTrue(playing > 3.2, "playback advanced to " + playing);
            assertTrue(spread < 0.1, "sources drifted " + spread + " s apart");
            b.click("#ab-orig");
            assertEquals("orig", b.js("return GW.player.activeId"));
            b.click("#ab-transparent");
            // loudness-matched: every version plays at the master module's preview level
            double gainA = ((Number) b.js("return GW.player.gainFor(GW.player.active())")).doubleValue();
            double level = run.path("preview_lufs").asDouble();
            assertEquals(Math.pow(10, (level - run.path("candidates").get(0).path("integrated_lufs").asDouble()) / 20), gainA, 0.02);
            double gainOrig = ((Number) b.js("return GW.player.gainFor(GW.player.sources.get('orig'))")).doubleValue();
            double lufsOrig = s.get("/api/projects/" + p + "/overview/master/inputs/my%20song.wav").json().path("integrated_lufs").asDouble();
            assertEquals(Math.pow(10, (level - lufsOrig) / 20), gainOrig, 0.02);
            b.click("#master-matched");
            assertEquals(1.0, ((Number) b.js("return GW.player.gainFor(GW.player.active())")).doubleValue(), 1e-9);
            b.click("#master-matched");
            b.click("#ab-warm");
            assertEquals("warm", b.js("return GW.player.activeId"));
            b.click("#master-play");

            b.click("#choose-warm");
            b.waitFor("the chosen badge", Duration.ofSeconds(10), d -> d.findElement(By.id("cand-warm")).getText().toLowerCase().contains("chosen"));
            // the multiband stage is listed with the other stages, off until asked for
            String warmWhy = (String) b.js("return document.getElementById('cand-warm').textContent");
            assertTrue(warmWhy.contains("Multiband dynamics: off (not asked for"), warmWhy);
            b.waitVisible("#adjust-width", Duration.ofSeconds(10));
            // the adjust panel starts from the candidate's own loudness and ceiling, and the re-render keeps them
            assertEquals("-15", b.attribute("#adjust-lufs", "value"));
            assertEquals("-1.5", b.attribute("#adjust-ceiling", "value"));
            b.stable("#adjust-width", e -> b.js("arguments[0].value = 1.25; arguments[0].dispatchEvent(new Event('input'))", e));
            boolean canSwitchOn = b.stable("#adjust-multiband", e -> !e.isSelected() && e.isEnabled());
            assertTrue(canSwitchOn, "warm does not use multiband by itself, and it can be switched on");
            b.click("#adjust-multiband");
            assertEquals("", b.attribute("#adjust-max-limiting", "value"), "automatic limiting unless asked");
            b.type("#adjust-max-limiting", "5");
            b.click("#master-rerender");
            b.waitFor("a third candidate", Duration.ofSeconds(180), d -> d.findElements(By.cssSelector("#master-candidates .cand")).size() == 3);
            JsonNode adjusted = s.get("/api/projects/" + p).json().path("state").path("master").path("run").path("candidates").get(2);
            assertEquals(1.25, adjusted.path("settings").path("width").asDouble(), 1e-9);
            assertEquals(5.0, adjusted.path("settings").path("max_limiting_lu").asDouble(), adjusted.toString());
            assertEquals(-15.0, adjusted.path("settings").path("lufs").asDouble(), 1e-9, adjusted.toString());
            assertEquals(-1.5, adjusted.path("settings").path("ceiling_dbtp").asDouble(), 1e-9, adjusted.toString());
            JsonNode plan = dev.groundwork.core.json.Json.MAPPER.readTree(ws.resolve(p).resolve(adjusted.path("plan_path").asText()).toFile());
            assertEquals(1.25, plan.path("stages").path("stereo").path("stereo").path("width").asDouble(), 1e-9);
            // the toggle reached the plan: dynamics.multiband is there, asked for, with its reason shown on the card
            assertTrue(adjusted.path("settings").path("multiband").asBoolean(), adjusted.toString());
            JsonNode mb = plan.path("stages").path("dynamics").path("multiband");
            assertTrue(mb.path("reason").asText().startsWith("--multiband"), mb.toString());
            String shown = (String) b.js("return document.getElementById('cand-' + arguments[0]).textContent", adjusted.path("id").asText());
            assertTrue(shown.contains("Multiband dynamics") && shown.contains(mb.path("reason").asText().substring("--multiband".length())), shown);
            b.waitFor("the log", Duration.ofSeconds(10), d -> d.findElement(By.id("decisions")).getText().contains("re-rendered"));
            assertTrue(b.text("#decisions").contains("multiband on"), b.text("#decisions"));
            b.click("#ab-" + adjusted.path("id").asText());
            Thread.sleep(300);
            b.js("document.getElementById('page').scrollTo(0, 0)");
            b.screenshot("master");
            b.js("const d = document.querySelector('#cand-' + arguments[0] + ' details'); d.open = true; d.scrollIntoView()", adjusted.path("id").asText());
            b.screenshot("master-adjust");

            // deliver the chosen warm master at 48 kHz, 16-bit: a download beside the Adjust panel
            b.select("#deliver-rate", "48000");
            b.select("#deliver-bits", "16");
            b.click("#master-deliver");
            b.waitVisible("#master-delivery-0", Duration.ofSeconds(180));
            String href = b.attribute("#master-delivery-0", "href");
            assertTrue(href.endsWith("master-warm-48000hz-16bit.wav?download=1"), href);
            JsonNode delivered = s.get("/api/projects/" + p).json().path("state").path("master").path("deliveries").get(0);
            assertEquals(48000.0, delivered.path("sample_rate_hz").asDouble());
            assertEquals(-15.0, delivered.path("integrated_lufs").asDouble(), 0.2, delivered.toString());

            // one character alone: loud, as the only candidate
            b.select("#master-character", "loud");
            b.type("#master-count", "1");
            b.click("#master-propose");
            b.waitFor("the loud candidate alone", Duration.ofSeconds(180), d -> d.findElements(By.cssSelector("#master-candidates .cand")).size() == 1
                    && !d.findElements(By.id("cand-loud")).isEmpty());
            assertEquals("loud", s.get("/api/projects/" + p).json().path("state").path("master").path("run").path("candidates").get(0).path("character").asText());
        }
    }
}
