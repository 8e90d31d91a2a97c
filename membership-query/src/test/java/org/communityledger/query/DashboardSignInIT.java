package org.communityledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.communityledger.testsupport.HeadlessChromium.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.communityledger.client.Credentials;
import org.communityledger.client.LedgerClients;
import org.communityledger.client.LedgerProblemException;
import org.communityledger.client.QueryServiceClient;
import org.communityledger.events.value.CommunityId;
import org.communityledger.testsupport.EmbeddedPostgresConfiguration;
import org.communityledger.testsupport.HeadlessChromium;
import org.communityledger.testsupport.TokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard where only bearer tokens are accepted (no local profile, no accounts, an OAuth2 issuer): a
 * browser cannot send a token when it navigates, so the page itself is open and signs in with the token the
 * reader pastes; its reads and its live stream carry it, and it never appears in a URL. Runs in a real headless
 * Chromium (skipped where Debian's chromium and chromium-driver are absent, except in CI).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
@Import(EmbeddedPostgresConfiguration.class)
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class DashboardSignInIT {

    private static final TokenIssuer ISSUER = new TokenIssuer();

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    private WebDriver browser;
    private WebDriverWait wait;
    private TopicWriter topic;

    @DynamicPropertySource
    static void tokensOnly(DynamicPropertyRegistry registry) {
        ISSUER.configure(registry::add);
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @BeforeEach
    void openABrowser() throws Exception {
        HeadlessChromium.assumeInstalled();
        Path scratch = Files.createDirectories(Path.of("target", "chromium"));
        browser = HeadlessChromium.open(scratch);
        wait = HeadlessChromium.waitOn(browser);
        topic = new TopicWriter(broker);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
            topic.close();
        }
    }

    @Test
    void the_page_signs_in_with_a_bearer_token_and_follows_the_stream_with_it() {
        String token = ISSUER.token("li.wei", List.of("viewer"));
        QueryServiceClient reader = LedgerClients.query("http://127.0.0.1:" + port, Credentials.bearer(token));
        CommunityId community = CommunityId.newId();
        topic.send(topic.envelope(community, 1, TopicWriter.established(community)));
        await().atMost(Duration.ofSeconds(20)).ignoreExceptionsInstanceOf(LedgerProblemException.class)
                .until(() -> reader.communities().community(community.value()).version() == 1);

        browser.get("http://127.0.0.1:" + port + "/");
        wait.until(page -> !page.findElements(By.cssSelector("input[name=mode][value=token]")).isEmpty());
        HeadlessChromium.assertNoSeriousAccessibilityViolations(browser);
        browser.findElement(By.cssSelector("input[name=mode][value=token]")).click();
        wait.until(page -> !page.findElements(By.id("token")).isEmpty());
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.id("sign-in-submit")).click();

        wait.until(page -> text(page, By.id("stat-communities")).equals(String.valueOf(reader.stats().stats()
                .communities())));
        wait.until(page -> text(page, By.id("connection")).equals("Live"));
        topic.send(topic.envelope(community, 2, TopicWriter.joined(community, "token-era-member",
                "令牌时代成员")));
        wait.until(page -> text(page, By.cssSelector("#feed li:first-child")).startsWith("令牌时代成员 joined"));
        assertThat(browser.getCurrentUrl()).as("no credentials in the URL").doesNotContain(token.substring(0, 20));
        assertThat(text(browser, By.id("account"))).contains("Access token");
    }

    @Test
    void an_account_and_password_are_refused_where_only_tokens_are_accepted() {
        browser.get("http://127.0.0.1:" + port + "/");
        wait.until(page -> !page.findElements(By.id("account-name")).isEmpty());
        browser.findElement(By.id("account-name")).sendKeys("viewer");
        browser.findElement(By.id("password")).sendKeys("viewer");
        browser.findElement(By.id("sign-in-submit")).click();

        wait.until(page -> text(page, By.cssSelector("[role=alert]")).startsWith("Sign-in failed"));
        assertThat(browser.findElements(By.id("map"))).isEmpty();
    }
}
