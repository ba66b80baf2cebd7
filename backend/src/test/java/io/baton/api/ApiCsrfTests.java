package io.baton.api;

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
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A signed-in session changes things through the API only with its CSRF token; only an
 * {@code Authorization: Bearer} header (an API key, which never falls back to the
 * session) is exempt, not any {@code Authorization} header (L2).
 */
@BatonTest
class ApiCsrfTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	TenantManagement tenants;

	CurrentTenant acme;

	AppId app;

	WebTestClient owner;

	@BeforeEach
	void anOwnerSignedInWithAnApp() {
		SignedInUser ada = Staff.signedIn(this.context, "Ada " + System.nanoTime());
		this.acme = this.tenants.enter(ada, this.tenants.create(ada, "Acme").block()).block();
		this.app = Fixtures.anAppOf(this.context, this.acme, "44" + (System.nanoTime() % 10_000_000_000_000L));
		this.owner = Staff.clientOf(this.context, ada);
	}

	@Test
	void aSessionRequestWithABasicHeaderStillNeedsTheCsrfToken() {
		replay(this.owner).header("X-CSRF-TOKEN", "forged")
			.header("Authorization", "Basic eDp5")
			.exchange()
			.expectStatus()
			.isForbidden();
		replay(this.owner).header("X-CSRF-TOKEN", "forged")
			.header("Authorization", "Digest x")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void theSameRequestWithItsTokenGoesThrough() {
		replay(this.owner).exchange().expectStatus().isOk();
	}

	private WebTestClient.RequestBodySpec replay(WebTestClient client) {
		return client.post().uri("/api/v1/tenants/{tenant}/apps/{app}/dead-letters/replay", this.acme.id(), this.app);
	}

}
