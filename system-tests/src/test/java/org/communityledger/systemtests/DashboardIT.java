package org.communityledger.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.communityledger.client.command.CommandOptions;
import org.communityledger.client.command.JoinMember;
import org.communityledger.launcher.LaunchSettings;
import org.communityledger.launcher.LocalSystem;
import org.communityledger.launcher.demo.ConferenceDemo;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium: after the demo it shows the conference, and when a member
 * joins through the command API the page changes without a reload. Needs Debian's {@code chromium} and
 * {@code chromium-driver}: skipped with a message where they are absent, except in CI ({@code CI=true}), which
 * installs them and where their absence fails the test.
 */
class DashboardIT {

    private static final Path HOME = Path.of(System.getProperty("ledger.root", "..")).toAbsolutePath().normalize();
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    @Test
    void the_dashboard_shows_the_conference_and_updates_live_when_a_member_joins() throws Exception {
        boolean browserInstalled = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        String missing = "Chromium is not installed: apt-get install -y chromium chromium-driver to run the dashboard test";
        // In CI the browser is installed on purpose, so its absence is a broken build, not a reason to skip.
        assertThat(browserInstalled || !"true".equalsIgnoreCase(System.getenv("CI"))).as(missing).isTrue();
        assumeTrue(browserInstalled, missing);
        Path dataDir = Files.createTempDirectory(HOME.resolve("system-tests/target"), "ledger-dashboard-");
        try (LocalSystem system = LocalSystem.start(LaunchSettings.onFreePorts(HOME, dataDir))) {
            Map<String, Long> communities = ConferenceDemo.run(system.commandUrl(), system.queryUrl(), "admin", "admin");
            String audiovisual = communities.keySet().iterator().next();
            WebDriver browser = chromium(dataDir);
            try {
                // Credentials in the URL: Chromium then answers the page's later Basic challenges (fetch, EventSource).
                browser.get(system.queryUrl().replace("http://", "http://viewer:viewer@") + "/");
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                wait.until(page -> text(page, By.id("stat-organizations")).equals("96"));
                assertThat(text(browser, By.id("stat-communities"))).isEqualTo("2");
                assertThat(text(browser, By.id("stat-provinces"))).isEqualTo("26");
                assertThat(browser.findElements(By.cssSelector(".community"))).hasSize(2)
                        .allSatisfy(card -> assertThat(card.findElement(By.cssSelector(".chair-unit")).getText())
                                .contains("Southern Film Group"));
                assertThat(browser.findElement(By.id("communities")).getText())
                        .contains("School of Digital Media Industry", "School of Intelligent Manufacturing Industry",
                                "Strategic cooperation agreement");
                wait.until(page -> text(page, By.id("connection")).equals("live"));

                WholeSystemIT.admin(system.commandUrl()).join(audiovisual, new JoinMember("demo-new-member-college",
                        "新成员职业学院（虚构） New Member College (fictional)", "VOCATIONAL_COLLEGE", "CN-XZ",
                        LocalDate.of(2025, 10, 19)), CommandOptions.NONE);

                By memberCount = By.cssSelector(".community[data-community-id='" + audiovisual + "'] .member-count");
                wait.until(page -> text(page, memberCount).equals("57"));
                wait.until(page -> text(page, By.id("stat-organizations")).equals("97"));
                wait.until(page -> text(page, By.id("feed")).contains("MemberJoined")
                        && text(page, By.id("feed")).contains("New Member College"));
                assertThat(text(browser, By.id("stat-provinces"))).isEqualTo("27");
                Path screenshot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(screenshot, HOME.resolve("system-tests/target/dashboard.png"),
                        StandardCopyOption.REPLACE_EXISTING);
            } finally {
                browser.quit();
            }
        }
    }

    private static WebDriver chromium(Path dataDir) throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1300,1800",
                "--user-data-dir=" + Files.createTempDirectory(dataDir, "chromium-profile-"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static String text(WebDriver page, By locator) {
        WebElement element = page.findElements(locator).stream().findFirst().orElse(null);
        return element == null ? "" : element.getText().trim();
    }
}
