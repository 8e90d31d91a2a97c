package org.communityledger.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium and ChromeDriver, headless, for the dashboard's tests: no driver download is ever tried (both
 * binaries are given), each browser gets a fresh profile, and axe-core's rules can be run inside a page. Where
 * the packages are missing the test is skipped with a message, except in CI ({@code CI=true}), which installs them
 * and where their absence fails it.
 */
public final class HeadlessChromium {

    public static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** Skips the calling test where the browser is not installed; fails it in CI. */
    public static void assumeInstalled() {
        boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        String missing = "Chromium is not installed: apt-get install -y chromium chromium-driver to run the dashboard test";
        // In CI the browser is installed on purpose, so its absence is a broken build, not a reason to skip.
        assertThat(installed || !"true".equalsIgnoreCase(System.getenv("CI"))).as(missing).isTrue();
        assumeTrue(installed, missing);
    }

    /** A new browser, in English, with a profile of its own under {@code scratch}. */
    public static WebDriver open(Path scratch) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=en-US",
                "--window-size=1300,1800",
                "--user-data-dir=" + Files.createTempDirectory(scratch, "chromium-profile-"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(PATIENCE);
        return driver;
    }

    /** Waits that read a page which replaces what changed: an element found a moment ago may be gone. */
    public static WebDriverWait waitOn(WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** The element's text, or "" while it is missing or being replaced. */
    public static String text(WebDriver page, By locator) {
        try {
            WebElement element = page.findElements(locator).stream().findFirst().orElse(null);
            return element == null ? "" : element.getText().trim();
        } catch (StaleElementReferenceException replaced) {
            return "";
        }
    }

    public static Object js(WebDriver browser, String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** axe-core's rules (WCAG 2 A and AA among them) on the page as it stands: nothing serious or critical. */
    public static void assertNoSeriousAccessibilityViolations(WebDriver browser) {
        js(browser, axeSource());
        Object violations = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(result => done(result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))));
                """);
        assertThat((List<?>) violations).as("axe-core on " + browser.getCurrentUrl()).isEmpty();
    }

    /** axe-core from its WebJar, whichever version the build put on the classpath. */
    private static String axeSource() {
        try {
            Properties webJar = new Properties();
            try (InputStream properties = resource("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
                webJar.load(properties);
            }
            try (InputStream source = resource("META-INF/resources/webjars/axe-core/" + webJar.getProperty("version")
                    + "/axe.min.js")) {
                return new String(source.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream stream = HeadlessChromium.class.getClassLoader().getResourceAsStream(name);
        assertThat(stream).as(name + " on the classpath (the axe-core WebJar)").isNotNull();
        return stream;
    }
}
