package dev.groundwork.studio.browser;

import dev.groundwork.studio.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page a producer sees the first time: an empty workspace says what to do, and its button starts a project. */
class FirstVisitBrowserTest {
    @TempDir
    Path ws;

    @BeforeAll
    static void browserPresent() { Browser.assumeInstalled(); }

    @Test
    void anEmptyWorkspaceWelcomesAndCreatesTheFirstProject() throws Exception {
        try (TestServer s = TestServer.in(ws); Browser b = new Browser()) {
            b.driver.get(s.base() + "/");
            b.waitFor("the welcome", Duration.ofSeconds(20), d -> d.findElement(By.id("page")).getText().contains("Welcome to the studio"));
            assertEquals("no project yet", b.text("#project-select"));
            assertTrue(b.attribute("#undo", "disabled") != null, "nothing to undo before any choice");
            assertEquals("none", b.js("return getComputedStyle(document.querySelector('#decisions li')).listStyleType"),
                    "the log's placeholder is not numbered as a choice");
            b.screenshot("studio-first-visit");

            b.click("#page .empty button");
            var prompt = b.driver.switchTo().alert();
            prompt.sendKeys("First song");
            prompt.accept();
            // the new project opens on the default page, and the workspace holds its folder
            b.waitFor("the master page", Duration.ofSeconds(20), d -> !d.findElements(By.cssSelector(".dropzone input[type=file]")).isEmpty());
            b.waitFor("the project in the picker", Duration.ofSeconds(10), d -> d.findElement(By.id("project-select")).getText().contains("First song"));
            try (var dirs = Files.list(ws)) {
                assertEquals(java.util.List.of("first-song"), dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                        .filter(name -> !name.startsWith(".")).toList(), "one project folder in the workspace, named after the project");
            }
        }
    }
}
