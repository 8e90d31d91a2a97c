package org.communityledger.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityledger.testsupport.HeadlessChromium.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.communityledger.client.Credentials;
import org.communityledger.client.LedgerClients;
import org.communityledger.client.QueryServiceClient;
import org.communityledger.client.command.CommandOptions;
import org.communityledger.client.command.JoinMember;
import org.communityledger.client.community.Community;
import org.communityledger.client.community.CommunitySummary;
import org.communityledger.client.community.MemberFilter;
import org.communityledger.client.stats.Stats;
import org.communityledger.launcher.LaunchSettings;
import org.communityledger.launcher.LocalSystem;
import org.communityledger.launcher.demo.ConferenceDemo;
import org.communityledger.testsupport.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium, after the demo: names where the views hold codes and ids, the map,
 * the charts and the feed filled on load, a member joined over the command API shown without a reload and without
 * fetching the statistics again, the language switch, a community's page with its search and filters, an
 * organisation's page, and axe-core's accessibility rules on each page. Needs Debian's {@code chromium} and
 * {@code chromium-driver}: skipped with a message where they are absent, except in CI ({@code CI=true}), which
 * installs them and where their absence fails the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardIT {

    private static final Path HOME = Path.of(System.getProperty("ledger.root", "..")).toAbsolutePath().normalize();

    private Path dataDir;
    private LocalSystem system;
    private String audiovisual;
    private QueryServiceClient viewer;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    void startTheSystemWithTheDemo() throws Exception {
        HeadlessChromium.assumeInstalled();
        dataDir = Files.createTempDirectory(HOME.resolve("system-tests/target"), "ledger-dashboard-");
        system = LocalSystem.start(LaunchSettings.onFreePorts(HOME, dataDir));
        Map<String, Long> communities = ConferenceDemo.run(system.commandUrl(), system.queryUrl(), "admin", "admin");
        audiovisual = communities.keySet().iterator().next();
        viewer = WholeSystemIT.viewer(system.queryUrl());
    }

    @AfterAll
    void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    @BeforeEach
    void openABrowser() throws IOException {
        browser = HeadlessChromium.open(dataDir);
        wait = HeadlessChromium.waitOn(browser);
    }

    @AfterEach
    void closeTheBrowser() {
        browser.quit();
    }

    @Test
    void the_overview_speaks_in_names_and_fills_its_map_charts_and_feed_on_load() throws Exception {
        signIn("viewer", "viewer");
        Stats stats = viewer.stats().stats();
        wait.until(page -> text(page, By.id("stat-organizations")).equals("96"));
        // Read in one go: the figures are drawn anew whenever live changes bring fresh stats.
        assertThat(js("return ['stat-communities', 'stat-organizations', 'stat-provinces']"
                + ".map(id => document.getElementById(id).textContent.trim())")).isEqualTo(List.of("2", "96", "26"));

        // Read in one go: the map is drawn again whenever the figures arrive.
        List<?> tiles = (List<?>) js("return [...document.querySelectorAll('#map .tile')]"
                + ".map(tile => [tile.dataset.code, Number(tile.dataset.count), tile.getAttribute('aria-label')])");
        assertThat(tiles).hasSize(34);
        tiles.stream().map(List.class::cast).forEach(tile -> assertThat(tile.get(1)).as(tile.get(0).toString())
                .isEqualTo(stats.byProvince().getOrDefault((String) tile.get(0), 0L)));
        assertThat(tiles.stream().map(List.class::cast).filter(tile -> tile.get(0).equals("CN-SC")).findFirst()
                .orElseThrow().get(2).toString()).startsWith("Sichuan 四川: ")
                .contains(String.valueOf(stats.byProvince().get("CN-SC")));

        wait.until(page -> !page.findElements(By.cssSelector("#feed li[data-position]")).isEmpty());
        String feed = text(browser, By.id("feed"));
        assertThat(feed).contains(" joined ", "ago");
        long joins = viewer.communities().communities(0, 50).items().stream().mapToLong(CommunitySummary::memberCount).sum();
        assertThat(js("return echarts.getInstanceByDom(document.getElementById('timeline-chart')).getOption()"
                + ".series[0].data.reduce((a, b) => a + b, 0)")).as("joins in the time chart").isEqualTo(joins);
        assertThat((List<?>) js("return echarts.getInstanceByDom(document.getElementById('kinds-chart')).getOption()"
                + ".series[0].data")).hasSize(stats.byKind().size());

        wait.until(page -> page.findElements(By.cssSelector(".community")).size() == 2);
        assertThat(browser.findElements(By.cssSelector(".community .chair-unit"))).hasSize(2)
                .allSatisfy(chair -> assertThat(chair.getText()).contains("Southern Film Group"));
        String shown = text(browser, By.id("view"));
        assertThat(shown).as("no internal terms, codes or ids on the main view")
                .doesNotContain("CN-", "MemberJoined", "position", audiovisual, " v6", "ACTIVE");
        assertThat(js("return document.documentElement.lang")).isEqualTo("en");
        assertThat(browser.findElement(By.cssSelector(".community h3 span")).getDomAttribute("lang")).isEqualTo("zh-CN");
        assertNoSeriousAccessibilityViolations();
        Path screenshot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(screenshot, HOME.resolve("system-tests/target/dashboard.png"), StandardCopyOption.REPLACE_EXISTING);

        browser.manage().window().setSize(new Dimension(390, 844));
        wait.until(page -> (Long) js("return window.innerWidth") <= 390);
        assertThat((Long) js("return document.documentElement.scrollWidth"))
                .as("nothing wider than a phone's screen").isLessThanOrEqualTo((Long) js("return window.innerWidth"));
        Path phone = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(phone, HOME.resolve("system-tests/target/dashboard-phone.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void a_member_joined_over_the_api_shows_without_a_reload_or_another_read_of_the_statistics() throws Exception {
        signIn("viewer", "viewer");
        wait.until(page -> text(page, By.id("connection")).equals("Live")
                && page.findElements(By.cssSelector(".community")).size() == 2);
        js("window.sameDocument = true");
        // Room for every later request's timing: a full buffer would drop entries and hide a read.
        js("performance.setResourceTimingBufferSize(100000)");
        long statsReads = statsReads();
        assertThat(statsReads).as("the page's own reads of /api/stats are seen").isPositive();
        Community before = viewer.communities().community(audiovisual);

        WholeSystemIT.admin(system.commandUrl()).join(audiovisual, new JoinMember("dashboard-new-member-college",
                "新成员职业学院（虚构） New Member College (fictional)", "VOCATIONAL_COLLEGE", "CN-XZ",
                LocalDate.of(2025, 10, 19)), CommandOptions.NONE);

        By memberCount = By.cssSelector(".community[data-community-id='" + audiovisual + "'] .member-count");
        wait.until(page -> text(page, memberCount).equals(String.valueOf(before.memberCount() + 1)));
        wait.until(page -> text(page, By.id("stat-organizations")).equals("97"));
        wait.until(page -> "1".equals(js("return document.querySelector(\"#map .tile[data-code='CN-XZ']\").dataset.count")));
        wait.until(page -> text(page, By.cssSelector("#feed li:first-child"))
                .contains("New Member College (fictional) joined " + before.name()));
        assertThat(js("return window.sameDocument")).as("the page was not reloaded").isEqualTo(true);
        assertThat(statsReads()).as("/api/stats read again").isEqualTo(statsReads);
    }

    @Test
    void the_language_switch_changes_the_words_and_is_remembered() throws Exception {
        signIn("viewer", "viewer");
        wait.until(page -> text(page, By.id("stat-organizations")).equals("96"));
        assertThat(text(browser, By.id("feed-title"))).isEqualTo("Latest changes");

        browser.findElement(By.id("language")).click();
        wait.until(page -> text(page, By.id("feed-title")).equals("最新动态"));
        assertThat(js("return document.documentElement.lang")).isEqualTo("zh-CN");
        wait.until(page -> text(page, By.cssSelector("#map .tile[data-code='CN-SC']")).contains("四川"));
        wait.until(page -> text(page, By.id("feed")).contains("加入"));

        browser.navigate().refresh();
        wait.until(page -> text(page, By.id("feed-title")).equals("最新动态"));
        assertThat(text(browser, By.id("language"))).isEqualTo("English");
        browser.findElement(By.id("language")).click();
        wait.until(page -> text(page, By.id("feed-title")).equals("Latest changes"));
    }

    @Test
    void a_communitys_page_lists_its_members_with_search_filters_and_pages() throws Exception {
        signIn("viewer", "viewer");
        Community community = viewer.communities().community(audiovisual);
        wait.until(page -> !page.findElements(By.cssSelector(".community h3 a")).isEmpty());
        browser.findElement(By.cssSelector(".community[data-community-id='" + audiovisual + "'] h3 a")).click();
        wait.until(page -> text(page, By.tagName("h1")).equals(community.name()));
        assertThat(text(browser, By.id("view"))).contains("Strategic cooperation agreement",
                "Southern Film Group", "School of Digital Media Industry");
        long members = community.memberCount();
        assertThat(browser.findElements(By.cssSelector("#members tbody tr"))).hasSize((int) Math.min(50, members));
        assertThat(text(browser, By.id("members-pager"))).contains("Page 1 of " + ((members + 49) / 50));
        assertNoSeriousAccessibilityViolations();

        browser.findElement(By.cssSelector("#members-pager button:last-child")).click();
        wait.until(page -> text(page, By.id("members-pager")).contains("Page 2 of"));
        assertThat(browser.findElements(By.cssSelector("#members tbody tr"))).hasSize((int) (members - 50));

        long found = viewer.communities().members(audiovisual, MemberFilter.ALL.withText("出版"), 0, 50).total();
        browser.findElement(By.id("member-search")).sendKeys("出版");
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        wait.until(page -> page.findElements(By.cssSelector("#members tbody tr")).size() == found);
        assertThat(browser.findElements(By.cssSelector("#members tbody tr")))
                .allSatisfy(row -> assertThat(row.getText()).contains("出版"));

        long inSichuan = viewer.communities().members(audiovisual, MemberFilter.ALL.withProvince("CN-SC"), 0, 50)
                .total();
        browser.findElement(By.id("member-search")).clear();
        browser.findElement(By.cssSelector("#member-province option[value='CN-SC']")).click();
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        wait.until(page -> text(page, By.id("members-pager")).contains(inSichuan + " in all"));
        assertThat(browser.findElements(By.cssSelector("#members tbody tr")))
                .allSatisfy(row -> assertThat(row.getText()).contains("Sichuan"));

        browser.findElement(By.partialLinkText("Southern Film Group")).click();
        wait.until(page -> text(page, By.tagName("h1")).contains("南方影视集团"));
        assertThat(browser.findElements(By.cssSelector("#memberships-title + ul li"))).hasSize(2);
        assertNoSeriousAccessibilityViolations();
    }

    @Test
    void the_auditors_page_verifies_a_chain_and_checks_a_kept_checkpoint_after_the_log_grew() throws Exception {
        browser.get(system.commandUrl() + "/audit.html");
        wait.until(page -> page.findElement(By.id("account-name")).isDisplayed());
        assertNoSeriousAccessibilityViolations();
        browser.findElement(By.id("account-name")).sendKeys("auditor");
        browser.findElement(By.id("password")).sendKeys("auditor");
        browser.findElement(By.id("sign-in-submit")).click();
        wait.until(page -> page.findElement(By.id("audit")).isDisplayed());

        browser.findElement(By.id("community-id")).sendKeys(audiovisual);
        browser.findElement(By.cssSelector("#chain-form button")).click();
        wait.until(page -> text(page, By.id("chain-result")).startsWith("Intact: "));

        browser.findElement(By.id("fetch-checkpoint")).click();
        wait.until(page -> !text(page, By.id("checkpoint")).isEmpty());
        browser.findElement(By.id("keep-checkpoint")).click();
        long keptSize = Long.parseLong(text(browser, By.id("checkpoint")).split("\n")[1].trim());
        WholeSystemIT.admin(system.commandUrl()).join(audiovisual, new JoinMember("auditor-page-new-member",
                "审计页新成员（虚构） Audit Page New Member (fictional)", "ENTERPRISE", "CN-SC",
                LocalDate.of(2025, 10, 19)), CommandOptions.NONE);
        var proofs = LedgerClients.command(system.commandUrl(), Credentials.basic("auditor", "auditor")).proofs();
        wait.until(page -> Long.parseLong(proofs.checkpoint().split("\n")[1].trim()) > keptSize);

        browser.findElement(By.id("check-checkpoint")).click();
        wait.withMessage(() -> "checks shown: " + text(browser, By.id("check-result")) + " / console: "
                        + browser.manage().logs().get("browser").getAll())
                .until(page -> page.findElements(By.cssSelector("#check-result li")).size() == 4);
        assertThat(browser.findElements(By.cssSelector("#check-result li")))
                .allSatisfy(check -> assertThat(check.getDomAttribute("class")).as(check.getText()).isEqualTo("ok"));
        assertThat(text(browser, By.id("check-result"))).contains("extends the kept one of " + keptSize);

        WebElement kept = browser.findElement(By.id("kept"));
        String[] lines = kept.getDomProperty("value").split("\n", -1);
        lines[2] = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        kept.clear();
        kept.sendKeys(String.join("\n", lines));
        browser.findElement(By.id("check-checkpoint")).click();
        wait.until(page -> page.findElements(By.cssSelector("#check-result li.bad")).size() >= 2);

        browser.findElement(By.id("export")).click();
        wait.until(page -> text(page, By.id("export-file")).contains("KiB"));
        assertThat(browser.findElement(By.id("export-file")).getDomAttribute("href")).startsWith("blob:");
        assertNoSeriousAccessibilityViolations();
    }

    private void signIn(String account, String password) {
        browser.get(system.queryUrl() + "/");
        wait.until(page -> !page.findElements(By.id("account-name")).isEmpty());
        assertNoSeriousAccessibilityViolations();
        browser.findElement(By.id("account-name")).sendKeys(account);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in-submit")).click();
        wait.until(page -> !page.findElements(By.id("map")).isEmpty());
    }

    private long statsReads() {
        return (Long) js("return performance.getEntriesByType('resource')"
                + ".filter(entry => new URL(entry.name).pathname === '/api/stats').length");
    }

    private Object js(String script) {
        return HeadlessChromium.js(browser, script);
    }

    private void assertNoSeriousAccessibilityViolations() {
        HeadlessChromium.assertNoSeriousAccessibilityViolations(browser);
    }
}
