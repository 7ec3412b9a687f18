package dev.groundwork.studio.browser;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.StaleElementReferenceException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The helper the browser tests read and click through, on a page that redraws the element between the moment it is
 * found and the moment it is used (what the studio does on a server event): it finds the new element and acts once.
 */
class BrowserStableTest {
    private static final String PAGE = "<html><body><div id='box'></div><script>"
            + "window.clicks = 0; window.draws = 0;"
            + "function draw() { const b = document.createElement('button'); b.id = 'it'; b.textContent = 'drawn ' + (++window.draws);"
            + " b.onclick = () => window.clicks++; const box = document.getElementById('box'); box.innerHTML = ''; box.append(b); }"
            + "draw();</script></body></html>";

    @BeforeAll
    static void browserPresent() { Browser.assumeInstalled(); }

    @Test
    void anElementRedrawnBetweenFindingAndUsingItIsFoundAgainAndUsedOnce() {
        try (Browser b = new Browser()) {
            b.driver.get("data:text/html;charset=utf-8," + URLEncoder.encode(PAGE, StandardCharsets.UTF_8).replace("+", "%20"));
            int[] attempts = {0};
            b.stable("#it", e -> {
                if (attempts[0]++ == 0) b.js("draw()");   // the page redraws after the find: this element is gone
                e.click();
                return null;
            });
            assertEquals(2, attempts[0]);
            assertEquals(1, b.staleRetries);
            assertEquals(1L, ((Number) b.js("return window.clicks")).longValue(), "the click landed once, on the new button");

            attempts[0] = 0;
            String text = b.stable("#it", e -> {
                if (attempts[0]++ == 0) b.js("draw()");
                return e.getText();
            });
            assertEquals("drawn 3", text, "read from the element as the page now shows it");
            assertEquals(2, b.staleRetries);

            // an element that never holds still: the stale error comes out once the timeout is spent
            assertThrows(StaleElementReferenceException.class, () -> b.stable("#it", Duration.ofMillis(300), e -> {
                b.js("draw()");
                return e.getText();
            }));
        }
    }
}
