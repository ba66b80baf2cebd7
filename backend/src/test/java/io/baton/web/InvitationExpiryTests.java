package io.baton.web;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.Invitations;
import io.baton.tenancy.Members;
import io.baton.tenancy.Role;
import io.baton.tenancy.SignedInUser;
import io.baton.tenancy.TenancySettings;
import io.baton.tenancy.TenantManagement;
import io.baton.tenancy.TenantTransactions;
import io.baton.testing.BatonTest;
import io.baton.testing.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An invitation link works for {@code baton.tenancy.invitation-validity} after it is
 * issued, and not after. Its age is moved in the database (Baton's clock and the
 * database's cannot be), so no test waits for a link to expire.
 */
@BatonTest
class InvitationExpiryTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	TenantManagement tenants;

	@Autowired
	TenantTransactions transactions;

	@Autowired
	Invitations invitations;

	@Autowired
	Members members;

	@Autowired
	TenancySettings settings;

	CurrentTenant acme;

	String token;

	SignedInUser sam;

	WebTestClient samsBrowser;

	@BeforeEach
	void anInvitationForSam() {
		SignedInUser owner = Staff.signedIn(this.context, "Ada " + System.nanoTime());
		this.acme = this.tenants.enter(owner, this.tenants.create(owner, "Acme").block()).block();
		this.token = this.invitations.invite(this.acme, "sam@acme.example", Role.AGENT).block().token();
		this.sam = Staff.signedIn(this.context, "Sam " + System.nanoTime());
		this.samsBrowser = Staff.clientOf(this.context, this.sam);
	}

	@Test
	void aLinkOlderThanItsValidityIsShownExpiredAndCannotBeAccepted() {
		issuedAgo(this.settings.invitationValidity().plusMinutes(1));

		String page = read("/invitations/" + this.token);
		accept();

		assertThat(page).contains("This invitation is").contains("expired").doesNotContain("id=\"accept\"");
		assertThat(memberNames()).doesNotContain(this.sam.name());
	}

	@Test
	void aLinkStillWithinItsValidityIsAccepted() {
		issuedAgo(this.settings.invitationValidity().minusMinutes(1));

		String page = read("/invitations/" + this.token);
		accept();

		assertThat(page).contains("id=\"accept\"");
		assertThat(memberNames()).contains(this.sam.name());
	}

	/** Moves the invitation's issue and expiry back by {@code age}. */
	private void issuedAgo(Duration age) {
		this.transactions
			.inTenant(this.acme.id(),
					(db) -> db
						.sql("UPDATE invitations SET created_at = created_at - :age * interval '1 second',"
								+ " expires_at = expires_at - :age * interval '1 second' WHERE tenant_id = :tenant")
						.bind("age", age.toSeconds())
						.bind("tenant", this.acme.id().value())
						.fetch()
						.rowsUpdated())
			.block();
	}

	private void accept() {
		this.samsBrowser.post()
			.uri("/invitations/" + this.token + "/accept")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.exchange()
			.expectStatus()
			.is3xxRedirection();
	}

	private String read(String uri) {
		return this.samsBrowser.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private java.util.List<String> memberNames() {
		return this.members.list(this.acme).map((member) -> member.name()).collectList().block();
	}

}
