package io.baton.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.baton.sandbox.SandboxConsole;
import io.baton.sandbox.SandboxWorld;
import io.baton.testing.BatonTest;
import io.baton.testing.Browser;
import io.baton.testing.Browser.Width;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A staff member with an empty tenant, in a real browser: registers two Facebook apps,
 * connects pages to both through the Login dialog, sees every page token with its status,
 * and disconnects one. The screenshots are the user guide's.
 */
@BatonTest
class AppsBrowserTests {

	@Value("${baton.public-url}")
	String baseUrl;

	@org.springframework.beans.factory.annotation.Autowired
	Environment environment;

	Browser browser;

	SandboxConsole console;

	@BeforeEach
	void aBrowserAndAFacebookPersonWithTwoPages() {
		this.browser = new Browser(this.baseUrl, width());
		this.console = new SandboxConsole(new SandboxWorld(this.environment));
	}

	@AfterEach
	void closeBrowser() {
		this.browser.close();
	}

	@Test
	void registerTwoAppsConnectPagesSeeTheTokensAndDisconnectOne() {
		String person = this.console.person("Paula Pages");
		this.console.page("Acme Shoes", person);
		this.console.page("Acme Hats", person);
		JsonNode bot = facebookApp("Acme Support Bot");
		JsonNode agents = facebookApp("Acme Live Agents");

		this.browser.open("/").click("#sign-in").waitForPath("/sandbox/dialog/oauth");
		this.browser.type("#name", "Ada Admin").clickText("Create and log in").clickText("Continue as");
		this.browser.waitForPath("/tenants/new").type("#name", "Acme").clickText("Create tenant").waitForPath("/t/");
		this.browser.clickText("Apps").waitForPath("/t/");
		register(bot);
		assertThat(this.browser.text()).contains("Webhook subscription set").contains("Subscribed");
		this.browser.screenshot("app");
		connectPages("Paula Pages");
		assertThat(this.browser.find("#outcomes").getText()).contains("Acme Shoes")
			.contains("Acme Hats")
			.doesNotContain("Not connected");
		this.browser.screenshot("pages-connected");

		this.browser.clickText("Apps").waitForPath("/t/");
		register(agents);
		connectPages("Paula Pages");
		this.browser.clickText("Pages and tokens").waitForPath("/t/");
		assertThat(this.browser.find("#tokens").getText()).contains("Acme Support Bot")
			.contains("Acme Live Agents")
			.contains("Valid");
		this.browser.screenshot("page-tokens");

		this.browser.acceptConfirmations().clickText("Disconnect").waitForPath("/t/");
		assertThat(this.browser.text()).contains("disconnected");
		assertThat(this.browser.find("#tokens").getText().split("Disconnect", -1)).hasSize(4);
		this.browser.clickText("Apps").waitForPath("/t/");
		assertThat(this.browser.find("#apps").getText()).contains("Acme Support Bot").contains("Acme Live Agents");
		this.browser.screenshot("apps");
	}

	private JsonNode facebookApp(String name) {
		return this.console
			.api("POST", "/sandbox/api/apps",
					"{\"name\": \"" + name + "\", \"redirect_uris\": [\"" + this.baseUrl + "/onboarding/callback\"]}")
			.path("body");
	}

	private void register(JsonNode app) {
		this.browser.type("#register-app input[name=appId]", app.path("id").asString())
			.type("#register-app input[name=secret]", app.path("secret").asString())
			.clickText("Register app")
			.waitForPath("/t/");
	}

	private void connectPages(String person) {
		this.browser.click("#connect-pages").waitForPath("/sandbox/dialog/oauth");
		if (!this.browser.text().contains("Logged in as " + person)) {
			if (this.browser.text().contains("Log out of Facebook")) {
				this.browser.clickText("Log out of Facebook");
			}
			this.browser.clickText(person);
		}
		this.browser.clickText("Continue as");
		// The dialog either asks which pages or returns to Baton at once; reading the
		// text
		// before it has turned would see the page just left.
		this.browser.waitUntil(
				() -> this.browser.path().startsWith("/t/") || this.browser.text().contains("What Pages do you want"));
		if (this.browser.text().contains("What Pages do you want")) {
			this.browser.screenshot("sandbox-choose-pages").clickText("Continue");
		}
		this.browser.waitForPath("/t/").clickText("Connect selected pages").waitForPath("/t/");
	}

	/** The width of the browser window; a subclass runs the journey at another. */
	Width width() {
		return Width.DESKTOP;
	}

}
