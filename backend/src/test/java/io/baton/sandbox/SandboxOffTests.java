package io.baton.sandbox;

import java.net.http.HttpResponse;
import java.util.Map;

import io.baton.testing.BatonTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Baton with the sandbox off, as in production: nothing of it is served or created. A
 * context of its own, closed after the class.
 */
@BatonTest(properties = { "baton.sandbox.enabled=false", "baton.graph.base-url=https://graph.facebook.com",
		"baton.login.dialog-url=https://www.facebook.com/v24.0/dialog/oauth",
		"baton.encryption.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
		"baton.login.client-secret=a-live-login-app-secret" })
@DirtiesContext
class SandboxOffTests {

	@Autowired
	Environment environment;

	@Autowired
	ApplicationContext context;

	SandboxBrowser browser;

	@BeforeEach
	void openBrowser() {
		this.browser = new SandboxBrowser(this.environment.getRequiredProperty("local.server.port", Integer.class));
	}

	@Test
	void answers404ForTheDialogInsteadOfBatonsLoginRedirect() {
		HttpResponse<String> dialog = this.browser.get("/sandbox/dialog/oauth?client_id=1000000000000001");

		assertThat(dialog.statusCode()).isEqualTo(404);
		assertThat(dialog.headers().firstValue("Location")).isEmpty();
	}

	@Test
	void answers404ForTheSandboxGraph() {
		HttpResponse<String> me = this.browser.get("/sandbox/graph/v24.0/me");

		assertThat(me.statusCode()).isEqualTo(404);
	}

	@Test
	void answers404ForTheDemoBotItsPageAndItsApi() {
		HttpResponse<String> bot = this.browser.postForm("/sandbox/demo-bot/1000000000000011", Map.of());
		HttpResponse<String> page = this.browser.get("/sandbox/demo-bot");
		HttpResponse<String> stats = this.browser.get("/sandbox/api/demo-bot/1000000000000011/stats");

		assertThat(bot.statusCode()).isEqualTo(404);
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(stats.statusCode()).isEqualTo(404);
	}

	@Test
	void createsNoSandboxBeansNorSchema() {
		SandboxWorld world = new SandboxWorld(this.environment);

		assertThat(this.context.getBeanNamesForType(SandboxSchema.class)).isEmpty();
		assertThat(world.queryOne("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'sandbox'"))
			.isEqualTo("0");
	}

	@Test
	void leavesOtherPathsToBatonsChain() {
		HttpResponse<String> home = this.browser.get("/anything");

		assertThat(home.statusCode()).isEqualTo(302);
	}

}
