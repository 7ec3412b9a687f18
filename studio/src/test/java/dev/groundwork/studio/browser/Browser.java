package dev.groundwork.studio.browser;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * Headless Chromium from Debian driven through Debian's chromedriver (no browser download). Tests that
 * use it are skipped, with a message saying what to install, only when those two programs are absent.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("studio.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("studio.chromedriver", "/usr/bin/chromedriver"));

    final ChromeDriver driver;
    private final Path profile;

    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests skipped: " + CHROMIUM + " and " + CHROMEDRIVER + " are needed (Debian: apt-get install chromium chromium-driver; CI runs .ci/setup)");
    }

    Browser() {
        try {
            profile = Files.createTempDirectory("gw-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--autoplay-policy=no-user-gesture-required", "--mute-audio",
                "--window-size=1440,960", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
    }

    WebElement find(String css) { return driver.findElement(By.cssSelector(css)); }

    /** How long {@link #stable} keeps re-finding an element the page redrew: the tests' waits for a page change are 10 s. */
    static final Duration STABLE_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Finds the element {@code css} names and runs {@code action} on it. The page redraws its lists (strips, candidates,
     * the decision log) on every server event, so an element found a moment ago can be replaced before the action
     * reaches it; on a stale reference the element is found again and the action retried, until {@code timeout}.
     * A click that meets a stale element has not happened, so retrying it clicks once.
     */
    /** How many times {@link #stable} found an element gone stale and tried again (for the helper's own test). */
    int staleRetries;

    <T> T stable(String css, Duration timeout, Function<WebElement, T> action) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return action.apply(find(css));
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (System.nanoTime() > deadline) throw e;
                staleRetries++;
                try {
                    Thread.sleep(25);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    <T> T stable(String css, Function<WebElement, T> action) { return stable(css, STABLE_TIMEOUT, action); }

    void click(String css) {
        stable(css, e -> {
            e.click();
            return null;
        });
    }

    /** Replaces what the input {@code css} names holds with {@code text}. */
    void type(String css, String text) {
        stable(css, e -> {
            e.clear();
            e.sendKeys(text);
            return null;
        });
    }

    /** Chooses the option of value {@code value} in the select {@code css} names. */
    void select(String css, String value) {
        stable(css, e -> {
            new org.openqa.selenium.support.ui.Select(e).selectByValue(value);
            return null;
        });
    }

    String text(String css) { return stable(css, WebElement::getText); }

    String attribute(String css, String name) { return stable(css, e -> e.getAttribute(name)); }

    <T> T waitFor(String what, Duration timeout, Function<ChromeDriver, T> condition) {
        // the page re-renders on every server event: an element seen a moment ago may have been replaced
        return new WebDriverWait(driver, timeout).withMessage(what).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> condition.apply((ChromeDriver) d));
    }

    WebElement waitVisible(String css, Duration timeout) {
        return waitFor(css + " to appear", timeout, d -> {
            var els = d.findElements(By.cssSelector(css));
            return els.isEmpty() || !els.get(0).isDisplayed() ? null : els.get(0);
        });
    }

    Object js(String script, Object... args) { return ((JavascriptExecutor) driver).executeScript(script, args); }

    /** Saves a screenshot to target/screenshots and, when -Dstudio.screenshots=DIR is given, to DIR (docs/screenshots). */
    void screenshot(String name) {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        try {
            Path local = Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png");
            Files.write(local, png);
            String docs = System.getProperty("studio.screenshots");
            if (docs != null && !docs.isBlank()) Files.write(Files.createDirectories(Path.of(docs)).resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteTree(profile.toFile());
        }
    }

    private static void deleteTree(File f) {
        File[] kids = f.listFiles();
        if (kids != null) for (File k : kids) deleteTree(k);
        f.delete();
    }
}
