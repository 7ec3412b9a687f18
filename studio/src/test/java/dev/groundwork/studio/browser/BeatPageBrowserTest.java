package dev.groundwork.studio.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groundwork.studio.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In a real browser: generate a beat from a prompt, lock the drums, regenerate the rest, send it on. */
class BeatPageBrowserTest {
    @TempDir
    Path ws;

    @BeforeAll
    static void browserPresent() { Browser.assumeInstalled(); }

    @Test
    void generateABeatLockDrumsAndRegenerate() throws Exception {
        try (TestServer s = TestServer.in(ws); Browser b = new Browser()) {
            String p = s.createProject("Browser beat");
            b.driver.get(s.base() + "/#" + p + "/beat");
            b.waitVisible("#beat-prompt", Duration.ofSeconds(20));
            b.type("#beat-prompt", "dark trap, 140 bpm, F minor, 16 bars");
            b.type("#beat-count", "2");
            b.type("#beat-seed", "5");
            b.click("#beat-generate");
            b.waitFor("two variations", Duration.ofSeconds(180), d -> d.findElements(By.cssSelector("#beat-variations .var")).size() == 2);
            b.waitVisible("#beat-grid", Duration.ofSeconds(10));
            b.waitVisible("#beat-roll", Duration.ofSeconds(10));
            // the step grid really drew hits: some pixels in the grid carry a lane colour
            long lit = ((Number) b.js("const c = document.getElementById('beat-grid'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                    + " let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i + 1] > 150 && d[i] < 120) n++; return n;")).longValue();
            assertTrue(lit > 200, "step grid shows drum hits (" + lit + " teal pixels)");

            JsonNode made = s.get("/api/projects/" + p).json().path("state").path("beat").path("generation").path("variations");
            assertEquals(5, made.get(0).path("seed").asLong(), "the seed box reached variation 1");
            assertEquals(6, made.get(1).path("seed").asLong());
            assertTrue(b.text("#beat-detail .transport").contains("seed 5"), b.text("#beat-detail .transport"));
            b.click("#var-v1");
            b.waitFor("v1 chosen", Duration.ofSeconds(10), d -> d.findElement(By.id("var-v1")).getAttribute("class").contains("chosen"));
            b.click("#lock-drums");
            b.waitFor("drums locked", Duration.ofSeconds(10), d -> d.findElement(By.id("lock-drums")).getAttribute("class").contains("on"));
            b.click("#beat-regenerate");
            b.waitFor("a third variation", Duration.ofSeconds(180), d -> d.findElements(By.cssSelector("#beat-variations .var")).size() == 3);

            JsonNode beat = s.get("/api/projects/" + p).json().path("state").path("beat");
            JsonNode v1 = beat.path("generation").path("variations").get(0), v3 = beat.path("generation").path("variations").get(2);
            assertEquals(v3.path("id").asText(), beat.path("chosen").asText());
            assertEquals(v1.path("drums"), v3.path("drums"), "locked drums stay note for note");
            assertNotEquals(v1.path("parts"), v3.path("parts"), "the rest was regenerated");
            assertTrue(b.text("#decisions").contains("regenerated all but drums"), b.text("#decisions"));
            assertTrue(b.attribute("#beat-download-midi", "href").endsWith("beat.mid?download=1"));

            // the tempo box starts at the chosen variation's tempo; a new tempo makes a fourth variation, chosen
            assertEquals("140", b.attribute("#beat-tempo", "value"));
            b.type("#beat-tempo", "150");
            b.click("#beat-tempo-change");
            b.waitFor("a fourth variation", Duration.ofSeconds(180), d -> d.findElements(By.cssSelector("#beat-variations .var")).size() == 4);
            JsonNode v4 = s.get("/api/projects/" + p).json().path("state").path("beat").path("generation").path("variations").get(3);
            assertEquals(150, v4.path("tempo_bpm").asDouble(), 1e-9);
            assertEquals(v3.path("parts"), v4.path("parts"), "the same notes at the new tempo");
            b.waitFor("the new tempo in the box", Duration.ofSeconds(10), d -> "150".equals(d.findElement(By.id("beat-tempo")).getAttribute("value")));

            // swap the bass for the reese: the sound menu offers the built-in sounds that fit a pitched part
            b.select("#beat-sound-part", "bass");
            b.waitFor("the sounds in the menu", Duration.ofSeconds(10), d -> d.findElements(By.cssSelector("#beat-sound-name option[value=reese]")).size() == 1);
            assertTrue(b.driver.findElements(By.cssSelector("#beat-sound-name option[value=trap-kit]")).isEmpty(), "a drum kit does not fit the bass");
            b.select("#beat-sound-name", "reese");
            b.click("#beat-sound");
            b.waitFor("a fifth variation", Duration.ofSeconds(180), d -> d.findElements(By.cssSelector("#beat-variations .var")).size() == 5);
            JsonNode v5 = s.get("/api/projects/" + p).json().path("state").path("beat").path("generation").path("variations").get(4);
            for (JsonNode part : v5.path("parts")) if (part.path("name").asText().equals("bass")) assertEquals("reese", part.path("sound").asText());
            b.waitFor("the bass named with its new sound", Duration.ofSeconds(10),
                    d -> d.findElement(By.cssSelector("#beat-sound-part option[value=bass]")).getText().equals("bass (reese)"));

            // key change +2 from the second section on (the menu names each section by its first bar)
            b.select("#beat-key-semitones", "2");
            b.select("#beat-key-from", "2");
            b.click("#beat-keychange");
            b.waitFor("a sixth variation", Duration.ofSeconds(180), d -> d.findElements(By.cssSelector("#beat-variations .var")).size() == 6);
            JsonNode v6 = s.get("/api/projects/" + p).json().path("state").path("beat").path("generation").path("variations").get(5);
            JsonNode sections = dev.groundwork.core.json.Json.MAPPER.readTree(ws.resolve(p).resolve(v6.path("plan_path").asText()).toFile()).path("sections");
            for (int i = 0; i < sections.size(); i++) assertEquals(i >= 1 ? 2 : 0, sections.get(i).path("transpose_semitones").asInt(), sections.toString());

            // bring the melody into every section: it plays in all of them
            b.select("#beat-add-part", "melody");
            b.select("#beat-add-section", b.attribute("#beat-add-section option", "value"));
            String where = b.attribute("#beat-add-section", "value");
            b.click("#beat-add");
            b.waitFor("a seventh variation", Duration.ofSeconds(180), d -> d.findElements(By.cssSelector("#beat-variations .var")).size() == 7);
            JsonNode v7 = s.get("/api/projects/" + p).json().path("state").path("beat").path("generation").path("variations").get(6);
            assertTrue(v7.path("label").asText().contains("melody added in " + where), v7.path("label").asText());
            assertTrue(b.text("#decisions").contains("added melody to " + where), b.text("#decisions"));

            b.js("document.getElementById('page').scrollTo(0, 0)");
            b.screenshot("beat");
            b.click("#beat-send");
            b.waitFor("sent to mix", Duration.ofSeconds(10), d -> d.findElement(By.id("decisions")).getText().contains("sent to master"));
        }
    }

    @Test
    void aKitFromAPathPlaysTheDrumsAndABadPathIsSaidOnThePage(@TempDir Path kits) throws Exception {
        Path kit = java.nio.file.Files.createDirectories(kits.resolve("mykit"));
        java.nio.file.Files.write(kit.resolve("kick.wav"), dev.groundwork.studio.TestAudio.sineWav(2000, 0.8, 0, 0.25, 1));
        java.nio.file.Files.write(kit.resolve("snare.wav"), dev.groundwork.studio.TestAudio.sineWav(3000, 0.8, 0, 0.2, 2));
        try (TestServer s = TestServer.in(ws); Browser b = new Browser()) {
            String p = s.createProject("Browser kit");
            b.driver.get(s.base() + "/#" + p + "/beat");
            b.waitVisible("#beat-prompt", Duration.ofSeconds(20));
            // the menus come from the server: "built-in" first, then what is installed, then a free path
            b.waitFor("the kit menu", Duration.ofSeconds(10), d -> !d.findElements(By.cssSelector("#beat-kit option[value='*path']")).isEmpty());
            assertEquals("", b.attribute("#beat-kit", "value"), "built-in is the default");
            assertEquals("", b.attribute("#beat-soundfont", "value"));
            b.type("#beat-prompt", "boom bap, 90 bpm, A minor, 8 bars");
            b.type("#beat-count", "1");
            b.type("#beat-seed", "3");
            b.select("#beat-kit", "*path");
            b.waitVisible("#beat-kit-path", Duration.ofSeconds(5));
            b.type("#beat-kit-path", kits.resolve("nokit").toString());
            b.click("#beat-generate");
            b.waitFor("the refusal on the page", Duration.ofSeconds(10), d -> d.findElement(By.id("toast")).getText().equals("kit not found: " + kits.resolve("nokit")));
            assertEquals(0, s.get("/api/projects/" + p).json().path("state").path("beat").path("generation").path("variations").size());

            b.type("#beat-kit-path", kit.toString());
            b.click("#beat-generate");
            b.waitFor("one variation", Duration.ofSeconds(180), d -> d.findElements(By.cssSelector("#beat-variations .var")).size() == 1);
            JsonNode v1 = s.get("/api/projects/" + p).json().path("state").path("beat").path("generation").path("variations").get(0);
            assertEquals(kit.toString(), v1.path("kit").asText());
            b.waitFor("the kit named on the variation", Duration.ofSeconds(10), d -> d.findElement(By.id("var-v1")).getText().contains("kit mykit"));
            assertTrue(b.text("#beat-detail .transport").contains("kit mykit"), b.text("#beat-detail .transport"));
            assertTrue(b.text("#decisions").contains("with kit mykit"), b.text("#decisions"));
            assertEquals("now: kit mykit", b.text("#beat-sources-now"));
            // back to the built-in drums for the same notes: a second variation, chosen
            b.select("#beat-kit", "");
            b.click("#beat-sources-apply");
            b.waitFor("a second variation", Duration.ofSeconds(180), d -> d.findElements(By.cssSelector("#beat-variations .var")).size() == 2);
            b.waitFor("built-in named", Duration.ofSeconds(10), d -> d.findElement(By.id("beat-sources-now")).getText().equals("now: built-in sounds"));
            JsonNode v2 = s.get("/api/projects/" + p).json().path("state").path("beat").path("generation").path("variations").get(1);
            assertTrue(v2.path("kit").isNull(), v2.toString());
            assertEquals(v1.path("drums"), v2.path("drums"));
            // the parts a beat can bring in are the beat module's list, served with the menus
            assertEquals("kick,snare,hats,perc,bass,chords,melody",
                    b.js("return [...document.querySelectorAll('#beat-add-part option')].map(o => o.value).join(',')"));
        }
    }
}
