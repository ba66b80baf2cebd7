package io.baton.web;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.baton.sandbox.SandboxConsole;
import io.baton.sandbox.SandboxWorld;
import io.baton.testing.BatonDemoTest;
import io.baton.testing.Browser;
import io.baton.testing.Browser.Width;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a new user sees in demo mode, in a real browser: messages a sandbox person writes
 * arrive at the demo bot, the app's health page counts and charts them, and when the bot
 * fails its deliveries become dead letters that a replay brings to the bot once it works
 * again. The screenshots are the user guide's.
 */
@BatonDemoTest
class DataPlaneBrowserTests {

	static final String SUPPORT_BOT = "1000000000000011";

	@Value("${baton.public-url}")
	String baseUrl;

	@Autowired
	Environment environment;

	Browser browser;

	SandboxConsole console;

	@BeforeEach
	void aBrowser() {
		this.browser = new Browser(this.baseUrl, width());
		this.console = new SandboxConsole(new SandboxWorld(this.environment));
	}

	@AfterEach
	void closeBrowser() {
		this.browser.close();
	}

	@Test
	void messagesReachTheDemoBotAndAFailingBotRecoversAfterAReplay() {
		await().atMost(Duration.ofSeconds(30)).until(() -> idOf("/sandbox/api/pages", "Demo Shoes") != null);
		String page = idOf("/sandbox/api/pages", "Demo Shoes");
		String dana = idOf("/sandbox/api/users", "Dana Demo");
		long deliveredBefore = delivered();
		this.browser.open("/").click("#sign-in").waitForPath("/sandbox/dialog/oauth");
		this.browser.type("#name", "Ada Admin").clickText("Create and log in").clickText("Continue as");
		this.browser.waitForPath("/t/");

		for (String text : new String[] { "Do you have croissants?", "And baguettes?", "Open on Sunday?" }) {
			write(page, dana, text);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> delivered() >= deliveredBefore + 3);
		this.browser.clickText("Apps").waitForPath("/t/").clickText("Demo Support Bot").waitForPath("/t/");
		this.browser.clickText("Health").waitForPath("/t/");
		assertThat(this.browser.find("#endpoint-state").getText()).isEqualTo("healthy");
		assertThat(this.browser.find("#figures").getText()).contains("delivered");
		this.browser.scrollTo("#figures").screenshot("app-health");

		this.console.api("POST", "/sandbox/api/demo-bot/" + SUPPORT_BOT + "/mode", "{\"mode\":\"fail\"}");
		write(page, dana, "Anyone there?");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.browser.open(this.browser.path()).find("#endpoint-dead").getText().equals("1"));
		this.browser.clickText("Delivery log").waitForPath("/t/");
		assertThat(this.browser.find("#deliveries").getText()).contains("dead");
		this.browser.screenshot("delivery-log");

		this.console.api("POST", "/sandbox/api/demo-bot/" + SUPPORT_BOT + "/mode", "{\"mode\":\"ok\"}");
		this.browser.click("#replay-dead-letters").waitForPath("/t/");
		assertThat(this.browser.text()).contains("1 dead letters are being sent again");
		await().atMost(Duration.ofSeconds(30)).until(() -> delivered() >= deliveredBefore + 4);
		this.browser.open(this.browser.path());
		assertThat(this.browser.find("#deliveries").getText()).doesNotContain("dead");
		this.browser.click("#deliveries a").waitForPath("/t/");
		assertThat(this.browser.find("#attempts").getText()).contains("delivered");
		this.browser.screenshot("delivery");
	}

	private void write(String page, String person, String text) {
		this.console.api("POST", "/sandbox/api/messenger/pages/" + page + "/people/" + person + "/message",
				"{\"text\":\"" + text + "\"}");
	}

	private long delivered() {
		return this.console.api("GET", "/sandbox/api/demo-bot/" + SUPPORT_BOT + "/stats?since=0", null)
			.path("body")
			.path("count")
			.asLong();
	}

	private String idOf(String path, String name) {
		for (JsonNode item : this.console.api("GET", path, null).path("body").path("data")) {
			if (name.equals(item.path("name").asString())) {
				return item.path("id").asString();
			}
		}
		return null;
	}

	/** The width of the browser window; a subclass runs the journey at another. */
	Width width() {
		return Width.DESKTOP;
	}

}
