package io.baton.apps;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.baton.graph.AppId;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.SignedInUser;
import io.baton.tenancy.TenantManagement;
import io.baton.testing.BatonTest;
import io.baton.testing.Fixtures;
import io.baton.testing.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app's Bot settings form in sandbox mode (the test suite's): a bot on loopback is
 * saved; an internal address is refused with the reason on the page, and the endpoint
 * stays as it was.
 */
@BatonTest
class BotEndpointFormTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	TenantManagement tenants;

	@Autowired
	Apps apps;

	CurrentTenant acme;

	AppId app;

	WebTestClient owner;

	@BeforeEach
	void anAppWithoutEndpoint() {
		SignedInUser ada = Staff.signedIn(this.context, "Ada " + System.nanoTime());
		this.acme = this.tenants.enter(ada, this.tenants.create(ada, "Acme").block()).block();
		this.app = Fixtures.anAppOf(this.context, this.acme, "79" + (System.nanoTime() % 10_000_000_000_000L));
		this.owner = Staff.clientOf(this.context, ada);
	}

	@Test
	void savesABotOnLoopbackInSandboxMode() {
		String page = save("http://127.0.0.1:8099/bot");

		assertThat(page).contains("Settings saved.");
		assertThat(this.apps.find(this.acme, this.app).block().botEndpoint()).isEqualTo("http://127.0.0.1:8099/bot");
	}

	@Test
	void refusesTheMetadataAddressAndPrivateAddressesWithTheReasonShown() {
		String metadata = save("http://169.254.169.254/latest/meta-data/iam/security-credentials/");
		String privateNetwork = save("https://10.0.0.5/bot");
		String cluster = save("https://kubernetes.default.svc/api/v1/secrets");

		assertThat(metadata).contains("The bot endpoint").doesNotContain("Settings saved.");
		assertThat(privateNetwork).contains("The bot endpoint").doesNotContain("Settings saved.");
		assertThat(cluster).contains("The bot endpoint").doesNotContain("Settings saved.");
		assertThat(this.apps.find(this.acme, this.app).block().botEndpoint()).isNull();
	}

	/** Posts the form as the browser does and answers the page the redirect leads to. */
	private String save(String endpoint) {
		String form = "/t/" + this.acme.id() + "/apps/" + this.app;
		String target = this.owner.post()
			.uri(form + "/settings")
			.header("Referer", form)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("botEndpoint=" + java.net.URLEncoder.encode(endpoint, java.nio.charset.StandardCharsets.UTF_8))
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		return this.owner.get().uri(target).exchange().expectBody(String.class).returnResult().getResponseBody();
	}

}
