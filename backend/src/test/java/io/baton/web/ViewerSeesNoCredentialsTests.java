package io.baton.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.baton.graph.AppId;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.Invitations;
import io.baton.tenancy.Role;
import io.baton.tenancy.SignedInUser;
import io.baton.tenancy.TenantManagement;
import io.baton.tenancy.TenantTransactions;
import io.baton.testing.BatonTest;
import io.baton.testing.Fixtures;
import io.baton.testing.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A viewer reads the app page but not the webhook verify token, with which anyone could
 * answer Facebook's subscription handshake for the app; admins still see it (L5).
 */
@BatonTest
class ViewerSeesNoCredentialsTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	TenantManagement tenants;

	@Autowired
	TenantTransactions transactions;

	@Autowired
	Invitations invitations;

	CurrentTenant acme;

	SignedInUser owner;

	AppId app;

	String verifyToken;

	@BeforeEach
	void anAppOfATenantWithAViewer() {
		this.owner = Staff.signedIn(this.context, "Ada " + System.nanoTime());
		this.acme = this.tenants.enter(this.owner, this.tenants.create(this.owner, "Acme").block()).block();
		this.app = Fixtures.anAppOf(this.context, this.acme, "33" + (System.nanoTime() % 10_000_000_000_000L));
		this.verifyToken = this.transactions
			.inTenant(this.acme.id(),
					(db) -> db.sql("SELECT verify_token FROM apps WHERE app_id = :app")
						.bind("app", this.app.value())
						.map((row) -> row.get(0, String.class))
						.one())
			.block();
	}

	@Test
	void aViewerDoesNotSeeTheVerifyToken() {
		SignedInUser viewer = Staff.signedIn(this.context, "Vera " + System.nanoTime());
		String token = this.invitations.invite(this.acme, "vera@acme.example", Role.VIEWER).block().token();
		this.invitations.accept(token, viewer).block();

		String page = appPage(viewer);

		assertThat(page).contains(this.app.value()).doesNotContain(this.verifyToken);
	}

	@Test
	void anAgentDoesNotSeeItEither() {
		SignedInUser agent = Staff.signedIn(this.context, "Abe " + System.nanoTime());
		String token = this.invitations.invite(this.acme, "abe@acme.example", Role.AGENT).block().token();
		this.invitations.accept(token, agent).block();

		String page = appPage(agent);

		assertThat(page).contains(this.app.value()).doesNotContain(this.verifyToken);
	}

	@Test
	void theOwnerDoes() {
		assertThat(appPage(this.owner)).contains(this.verifyToken);
	}

	private String appPage(SignedInUser who) {
		return Staff.clientOf(this.context, who)
			.get()
			.uri("/t/" + this.acme.id() + "/apps/" + this.app)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
