package io.baton.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.baton.tenancy.AuditLog;
import io.baton.tenancy.AuditQuery;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.Members;
import io.baton.tenancy.SignedInUser;
import io.baton.tenancy.TenantId;
import io.baton.tenancy.TenantManagement;
import io.baton.testing.BatonTest;
import io.baton.testing.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenancy pages over HTTP: creating a tenant, inviting, accepting, roles, ownership,
 * leaving and deleting, each checked against the member's role and written to the audit
 * log.
 */
@BatonTest
class TenancyPagesTests {

	private static final Pattern INVITATION_LINK = Pattern
		.compile("value=\"(http[^\"]+/invitations/([A-Za-z0-9_-]+))\"");

	@Autowired
	ApplicationContext context;

	@Autowired
	TenantManagement tenants;

	@Autowired
	Members members;

	@Autowired
	AuditLog auditLog;

	SignedInUser owner;

	WebTestClient ownerClient;

	TenantId tenant;

	@BeforeEach
	void anOwnerWhoCreatedATenantThroughThePage() {
		this.owner = Staff.signedIn(this.context, "Olivia Owner " + System.nanoTime());
		this.ownerClient = Staff.clientOf(this.context, this.owner);
		String location = post(this.ownerClient, "/tenants", "name=Acme Support").expectStatus()
			.is3xxRedirection()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		this.tenant = TenantId.parse(location.substring(location.lastIndexOf('/') + 1)).orElseThrow();
	}

	@Test
	void aFormPostedWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
		WebTestClient withoutToken = this.ownerClient.mutate()
			.defaultHeaders((headers) -> headers.remove("X-CSRF-TOKEN"))
			.build();

		post(withoutToken, "/t/" + this.tenant + "/rename", "name=Forged").expectStatus().isForbidden();
		String afterForgery = asOwner().name();
		post(this.ownerClient, "/t/" + this.tenant + "/rename", "name=Renamed").expectStatus().is3xxRedirection();

		assertThat(afterForgery).isEqualTo("Acme Support");
		assertThat(asOwner().name()).as("the same form with the token").isEqualTo("Renamed");
	}

	@Test
	void pagesRunUnderAContentSecurityPolicyWithoutInlineScript() {
		String policy = this.ownerClient.get()
			.uri("/t/" + this.tenant)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("Content-Security-Policy");

		assertThat(policy).contains("default-src 'self'")
			.contains("script-src 'self';")
			.contains("object-src 'none'")
			.contains("frame-ancestors 'none'")
			.doesNotContain("unsafe-inline")
			.doesNotContain("unsafe-eval");
	}

	@Test
	void aNewUserWithoutTenantIsAskedToCreateOne() {
		SignedInUser newcomer = Staff.signedIn(this.context, "Nina Newcomer " + System.nanoTime());

		Staff.clientOf(this.context, newcomer)
			.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.location("/tenants/new");
	}

	@Test
	void theCreatorOwnsTheTenantAndTheDashboardSaysWhatToDoNext() {
		String page = get(this.ownerClient, "/t/" + this.tenant);

		assertThat(page).contains("Acme Support").contains("Owner").contains("Invite your team");
		assertThat(actions()).containsExactly("tenant.created");
	}

	@Test
	void anInvitedPersonJoinsWithTheInvitedRoleThroughTheLink() {
		String token = invite("sam@example.com", "agent");
		SignedInUser sam = Staff.signedIn(this.context, "Sam Agent");
		WebTestClient samClient = Staff.clientOf(this.context, sam);

		assertThat(get(samClient, "/invitations/" + token)).contains("Join").contains("Acme Support").contains("Agent");
		post(samClient, "/invitations/" + token + "/accept", "").expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.location("/t/" + this.tenant);

		assertThat(memberRoles()).containsExactlyInAnyOrder(this.owner.name() + ":owner", "Sam Agent:agent");
		assertThat(actions()).containsExactly("invitation.accepted", "invitation.created", "tenant.created");
		assertThat(get(samClient, "/invitations/" + token)).contains("This invitation is").contains("accepted");
	}

	@Test
	void aResentInvitationInvalidatesTheOldLinkAndARevokedOneCannotBeAccepted() {
		String first = invite("kim@example.com", "viewer");
		String invitationId = invitationIdOnMembersPage();
		String second = linkToken(
				post(this.ownerClient, "/t/" + this.tenant + "/invitations/" + invitationId + "/resend", "")
					.expectStatus()
					.is3xxRedirection());
		SignedInUser kim = Staff.signedIn(this.context, "Kim Viewer");
		WebTestClient kimClient = Staff.clientOf(this.context, kim);

		kimClient.get().uri("/invitations/" + first).exchange().expectStatus().isNotFound();
		post(this.ownerClient, "/t/" + this.tenant + "/invitations/" + invitationId + "/revoke", "").expectStatus()
			.is3xxRedirection();
		post(kimClient, "/invitations/" + second + "/accept", "").expectStatus().is3xxRedirection();

		assertThat(memberRoles()).containsExactly(this.owner.name() + ":owner");
		assertThat(actions()).contains("invitation.resent", "invitation.revoked");
	}

	@Test
	void theOwnerChangesRolesRemovesMembersAndTransfersOwnership() {
		SignedInUser sam = join("Sam", "agent");
		SignedInUser pat = join("Pat", "viewer");

		post(this.ownerClient, "/t/" + this.tenant + "/members/" + sam.id() + "/role", "role=admin").expectStatus()
			.is3xxRedirection();
		post(this.ownerClient, "/t/" + this.tenant + "/members/" + pat.id() + "/remove", "").expectStatus()
			.is3xxRedirection();
		post(this.ownerClient, "/t/" + this.tenant + "/members/" + sam.id() + "/transfer", "").expectStatus()
			.is3xxRedirection();

		assertThat(memberRoles()).containsExactlyInAnyOrder(this.owner.name() + ":admin", "Sam:owner");
		assertThat(actions()).contains("member.role_changed", "member.removed", "tenant.ownership_transferred");
	}

	@Test
	void aMemberLeavesButTheOwnerMustTransferFirst() {
		SignedInUser pat = join("Pat", "viewer");

		post(Staff.clientOf(this.context, pat), "/t/" + this.tenant + "/leave", "").expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.location("/");
		post(this.ownerClient, "/t/" + this.tenant + "/leave", "").expectStatus().is3xxRedirection();

		assertThat(memberRoles()).containsExactly(this.owner.name() + ":owner");
		assertThat(actions()).contains("member.left");
	}

	@Test
	void theOwnerDeletesTheTenantWithAllItsDataOnlyWithTheRightConfirmation() {
		join("Pat", "viewer");

		post(this.ownerClient, "/t/" + this.tenant + "/delete", "confirmation=wrong").expectStatus().is3xxRedirection();
		assertThat(memberRoles()).hasSize(2);
		post(this.ownerClient, "/t/" + this.tenant + "/delete", "confirmation=Acme Support").expectStatus()
			.is3xxRedirection();

		this.ownerClient.get().uri("/t/" + this.tenant).exchange().expectStatus().isNotFound();
		assertThat(this.tenants.tenantsOf(this.owner.id()).collectList().block()).isEmpty();
	}

	@Test
	void badInputIsExplainedNotAServerError() {
		post(this.ownerClient, "/tenants", "name=" + "x".repeat(81)).expectStatus().is3xxRedirection();
		post(this.ownerClient, "/t/" + this.tenant + "/invitations", "email=not-an-email&role=agent").expectStatus()
			.is3xxRedirection();
		post(this.ownerClient, "/t/" + this.tenant + "/invitations", "email=a@b.example&role=owner").expectStatus()
			.is3xxRedirection();
		this.ownerClient.get().uri("/t/not-a-uuid").exchange().expectStatus().isNotFound();
		post(this.ownerClient, "/t/" + this.tenant + "/members/not-a-uuid/remove", "").expectStatus().isNotFound();

		assertThat(actions()).containsExactly("tenant.created");
	}

	@Nested
	class RolesAreChecked {

		@Test
		void aViewerCannotInviteChangeRolesOrReadTheAuditLog() {
			SignedInUser pat = join("Pat", "viewer");
			WebTestClient patClient = Staff.clientOf(TenancyPagesTests.this.context, pat);

			post(patClient, "/t/" + TenancyPagesTests.this.tenant + "/invitations", "email=x@y.example&role=agent")
				.expectStatus()
				.isForbidden();
			post(patClient,
					"/t/" + TenancyPagesTests.this.tenant + "/members/" + TenancyPagesTests.this.owner.id() + "/remove",
					"")
				.expectStatus()
				.isForbidden();
			patClient.get()
				.uri("/t/" + TenancyPagesTests.this.tenant + "/audit")
				.exchange()
				.expectStatus()
				.isForbidden();
			post(patClient, "/t/" + TenancyPagesTests.this.tenant + "/delete", "confirmation=Acme Support")
				.expectStatus()
				.isForbidden();

			assertThat(memberRoles()).hasSize(2);
		}

		@Test
		void anAdminCannotTransferOwnershipNorTouchTheOwner() {
			SignedInUser adam = join("Adam", "admin");
			WebTestClient adamClient = Staff.clientOf(TenancyPagesTests.this.context, adam);

			post(adamClient, "/t/" + TenancyPagesTests.this.tenant + "/members/" + adam.id() + "/transfer", "")
				.expectStatus()
				.isForbidden();
			post(adamClient,
					"/t/" + TenancyPagesTests.this.tenant + "/members/" + TenancyPagesTests.this.owner.id() + "/remove",
					"")
				.expectStatus()
				.is3xxRedirection();

			assertThat(memberRoles()).contains(TenancyPagesTests.this.owner.name() + ":owner");
		}

	}

	@Test
	void anAdminInvitationJoinsAsAViewerUntilTheOwnerConfirmsTheAdminRole() {
		String token = invite("rita@example.com", "admin");
		SignedInUser rita = Staff.signedIn(this.context, "Rita " + System.nanoTime());
		WebTestClient ritaClient = Staff.clientOf(this.context, rita);

		String welcome = linkedPage(ritaClient,
				post(ritaClient, "/invitations/" + token + "/accept", "").expectStatus().is3xxRedirection());

		assertThat(welcome).contains("an owner or admin confirms your admin role");
		assertThat(memberRoles()).contains(rita.name() + ":viewer");
		post(ritaClient, "/t/" + this.tenant + "/members/" + rita.id() + "/role", "role=admin").expectStatus()
			.isForbidden();
		assertThat(get(this.ownerClient, "/t/" + this.tenant + "/members"))
			.contains("invited as Admin, not yet confirmed")
			.contains("Confirm as Admin");

		post(this.ownerClient, "/t/" + this.tenant + "/members/" + rita.id() + "/role", "role=admin").expectStatus()
			.is3xxRedirection();

		assertThat(memberRoles()).contains(rita.name() + ":admin");
		assertThat(get(this.ownerClient, "/t/" + this.tenant + "/members")).doesNotContain("not yet confirmed");
	}

	private static String linkedPage(WebTestClient client, WebTestClient.ResponseSpec redirect) {
		String target = redirect.returnResult(Void.class).getResponseHeaders().getLocation().toString();
		return get(client, target);
	}

	@Test
	void theAuditLogFiltersByActionAndActor() {
		invite("a@example.com", "agent");
		invite("b@example.com", "viewer");

		String onlyInvites = get(this.ownerClient, "/t/" + this.tenant + "/audit?action=invitation.created");
		String nobody = get(this.ownerClient, "/t/" + this.tenant + "/audit?actor=nobody-of-that-name");

		assertThat(onlyInvites).contains("a@example.com")
			.contains("b@example.com")
			.doesNotContain("<code>tenant.created</code>");
		assertThat(nobody).contains("No entries match.");
	}

	/**
	 * Joins through an invitation link; an admin's role is then confirmed by the owner.
	 */
	private SignedInUser join(String name, String role) {
		String token = invite(name.toLowerCase() + "@example.com", role);
		SignedInUser person = Staff.signedIn(this.context, name);
		post(Staff.clientOf(this.context, person), "/invitations/" + token + "/accept", "").expectStatus()
			.is3xxRedirection();
		if (role.equals("admin")) {
			post(this.ownerClient, "/t/" + this.tenant + "/members/" + person.id() + "/role", "role=admin")
				.expectStatus()
				.is3xxRedirection();
		}
		return person;
	}

	private String invite(String email, String role) {
		return linkToken(
				post(this.ownerClient, "/t/" + this.tenant + "/invitations", "email=" + email + "&role=" + role)
					.expectStatus()
					.is3xxRedirection());
	}

	/** The link is shown once, in the flash message of the page the redirect leads to. */
	private String linkToken(WebTestClient.ResponseSpec redirect) {
		String target = redirect.returnResult(Void.class).getResponseHeaders().getLocation().toString();
		String shown = get(this.ownerClient, target);
		Matcher link = INVITATION_LINK.matcher(shown);
		assertThat(link.find()).as("the page shows the invitation link: " + shown).isTrue();
		return link.group(2);
	}

	private String invitationIdOnMembersPage() {
		Matcher id = Pattern.compile("/invitations/([0-9a-f-]{36})/resend")
			.matcher(get(this.ownerClient, "/t/" + this.tenant + "/members"));
		assertThat(id.find()).isTrue();
		return id.group(1);
	}

	private List<String> memberRoles() {
		return this.members.list(asOwner())
			.map((member) -> member.name() + ":" + member.role().key())
			.collectList()
			.block();
	}

	private List<String> actions() {
		return this.auditLog.search(asOwnerOrAdmin(), AuditQuery.all())
			.map((entry) -> entry.action())
			.collectList()
			.block();
	}

	private CurrentTenant asOwner() {
		return this.tenants.enter(this.owner, this.tenant).block();
	}

	private CurrentTenant asOwnerOrAdmin() {
		return asOwner();
	}

	private static String get(WebTestClient client, String uri) {
		return client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private static WebTestClient.ResponseSpec post(WebTestClient client, String uri, String form) {
		return client.post().uri(uri).contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue(form).exchange();
	}

}
