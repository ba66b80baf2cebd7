package io.baton.web;

import org.junit.jupiter.api.Test;

import io.baton.apps.ApiKeys;
import io.baton.graph.AppId;
import io.baton.platform.TooMany;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.Invitations;
import io.baton.tenancy.Role;
import io.baton.tenancy.SignedInUser;
import io.baton.tenancy.TenantId;
import io.baton.tenancy.TenantManagement;
import io.baton.testing.BatonLimitsTest;
import io.baton.testing.Fixtures;
import io.baton.testing.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Quotas on what one person or tenant may ask of everyone's Baton: tenants one person
 * owns, invitations waiting in a tenant, replays a tenant asks for in a minute. Small
 * quotas here; production's are in docs/operations.md.
 */
@BatonLimitsTest
class QuotasTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	TenantManagement tenants;

	@Autowired
	Invitations invitations;

	@Value("${baton.public-url}")
	String baseUrl;

	@Test
	void aPersonWhoOwnsTheMostTenantsIsToldToDeleteOneBeforeCreatingAnother() {
		SignedInUser owner = Staff.signedIn(this.context, "Otto Owner " + System.nanoTime());
		this.tenants.create(owner, "First").block();
		this.tenants.create(owner, "Second").block();

		WebTestClient client = Staff.clientOf(this.context, owner);
		String shown = followed(post(client, "/tenants", "name=Third", "/tenants/new"), client);

		assertThat(shown).contains("You own 2 tenants, the most one person may own");
		assertThat(this.tenants.tenantsOf(owner.id()).map((tenant) -> tenant.tenantName()).collectList().block())
			.containsExactlyInAnyOrder("First", "Second");
	}

	@Test
	void aTenantWithTheMostInvitationsWaitingIsRefusedAnotherUntilOneIsRevoked() {
		SignedInUser owner = Staff.signedIn(this.context, "Ina Inviter " + System.nanoTime());
		CurrentTenant tenant = this.tenants.enter(owner, this.tenants.create(owner, "Inviting").block()).block();
		this.invitations.invite(tenant, "one@example.com", Role.AGENT).block();
		this.invitations.invite(tenant, "two@example.com", Role.VIEWER).block();

		WebTestClient client = Staff.clientOf(this.context, owner);
		String shown = followed(post(client, "/t/" + tenant.id() + "/invitations",
				"email=three%40example.com&role=agent", "/t/" + tenant.id() + "/members"), client);

		assertThat(shown).contains("This tenant has 2 invitations waiting, the most it may have");
		assertThat(this.invitations.list(tenant).count().block()).isEqualTo(2);
		this.invitations.revoke(tenant, this.invitations.list(tenant).blockFirst().id()).block();
		assertThat(this.invitations.invite(tenant, "three@example.com", Role.AGENT).block()).isNotNull();
	}

	@Test
	void replaysPastTheTenantsMinuteAnswer429WhileAnotherTenantStillReplays() {
		String busy = aKeyOfANewTenantsApp("Busy");
		String other = aKeyOfANewTenantsApp("Other");

		assertThat(replayDeadLetters(busy).getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(replayDeadLetters(busy).getStatus()).isEqualTo(HttpStatus.OK);
		EntityExchangeResult<String> refused = replayDeadLetters(busy);

		assertThat(refused.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused.getResponseBody()).contains("Replays are limited to 2 a minute per tenant");
		assertThat(replayDeadLetters(other).getStatus()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void theQuotaOnTenantsHoldsForTheServiceItselfNotOnlyTheForm() {
		SignedInUser owner = Staff.signedIn(this.context, "Sam Service " + System.nanoTime());
		this.tenants.create(owner, "One").block();
		this.tenants.create(owner, "Two").block();

		assertThatThrownBy(() -> this.tenants.create(owner, "Three").block()).isInstanceOf(TooMany.class);
	}

	private String aKeyOfANewTenantsApp(String name) {
		SignedInUser owner = Staff.signedIn(this.context, name + " Owner " + System.nanoTime());
		TenantId id = this.tenants.create(owner, name).block();
		CurrentTenant tenant = this.tenants.enter(owner, id).block();
		AppId app = Fixtures.anAppOf(this.context, tenant, "55" + (System.nanoTime() % 10_000_000_000_000L));
		return this.context.getBean(ApiKeys.class).create(tenant, app, "bot").block().value();
	}

	private EntityExchangeResult<String> replayDeadLetters(String key) {
		AppId app = appOf(key);
		return WebTestClient.bindToServer()
			.baseUrl(this.baseUrl)
			.build()
			.post()
			.uri("/api/v1/apps/{app}/dead-letters/replay", app.value())
			.header("Authorization", "Bearer " + key)
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

	private AppId appOf(String key) {
		return this.context.getBean(ApiKeys.class)
			.authenticate(key)
			.map((holder) -> holder.app())
			.blockOptional()
			.orElseThrow();
	}

	/** Posts a form as a browser does from the page that shows it. */
	private static WebTestClient.ResponseSpec post(WebTestClient client, String uri, String form, String formPage) {
		return client.post()
			.uri(uri)
			.header("Referer", formPage)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue(form)
			.exchange();
	}

	/** The page a refused form's redirects lead to, where its flash message is shown. */
	private static String followed(WebTestClient.ResponseSpec redirect, WebTestClient client) {
		EntityExchangeResult<String> answer = redirect.expectStatus()
			.is3xxRedirection()
			.expectBody(String.class)
			.returnResult();
		for (int hops = 0; hops < 3 && answer.getStatus().is3xxRedirection(); hops++) {
			answer = client.get()
				.uri(answer.getResponseHeaders().getLocation().toString())
				.exchange()
				.expectBody(String.class)
				.returnResult();
		}
		return answer.getResponseBody();
	}

}
