package io.baton.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.baton.apps.ApiKeys;
import io.baton.apps.Apps;
import io.baton.delivery.DeliveryLog;
import io.baton.delivery.TestEvents;
import io.baton.delivery.DeliveryQuery;
import io.baton.graph.AppId;
import io.baton.graph.PageId;
import io.baton.tokens.PageTokens;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.Invitations;
import io.baton.tenancy.Members;
import io.baton.tenancy.Role;
import io.baton.tenancy.SignedInUser;
import io.baton.tenancy.TenantId;
import io.baton.tenancy.TenantManagement;
import io.baton.testing.BatonTest;
import io.baton.testing.Fixtures;
import io.baton.testing.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenants are walls: for every dashboard endpoint that names a tenant, a member of
 * another tenant gets 404 and changes nothing. The endpoints are read from the
 * application's own handler mappings, so a new endpoint is covered the day it lands.
 */
@BatonTest
class TenantIsolationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	TenantManagement tenants;

	@Autowired
	Members members;

	@Autowired
	Invitations invitations;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	SignedInUser outsider;

	CurrentTenant victim;

	SignedInUser victimsMember;

	String victimsInvitationId;

	AppId victimsApp;

	PageId victimsPage;

	String victimsKeyId;

	String victimsDeliveryId;

	@BeforeEach
	void aVictimTenantWithAMemberAndAnInvitationAndAnOutsiderWithTheirOwnTenant() {
		this.outsider = Staff.signedIn(this.context, "Olga Outsider");
		this.tenants.create(this.outsider, "Outsider Ltd").block();
		SignedInUser owner = Staff.signedIn(this.context, "Vera Victim");
		TenantId victimId = this.tenants.create(owner, "Victim Inc").block();
		this.victim = this.tenants.enter(owner, victimId).block();
		this.victimsMember = Staff.signedIn(this.context, "Max Member");
		String token = this.invitations.invite(this.victim, "max@victim.example", Role.AGENT).block().token();
		this.invitations.accept(token, this.victimsMember).block();
		this.invitations.invite(this.victim, "pending@victim.example", Role.VIEWER).block();
		this.victimsApp = Fixtures.anAppOf(this.context, this.victim, "99" + (System.nanoTime() % 10_000_000_000_000L));
		this.victimsPage = Fixtures.aPageOf(this.context, this.victim, this.victimsApp,
				"77" + (System.nanoTime() % 10_000_000_000_000L));
		this.victimsKeyId = this.context.getBean(ApiKeys.class)
			.create(this.victim, this.victimsApp, "victim bot")
			.block()
			.key()
			.id()
			.toString();
		this.victimsDeliveryId = this.context.getBean(TestEvents.class)
			.send(this.victim, this.victimsApp)
			.block()
			.toString();
		this.victimsInvitationId = this.invitations.list(this.victim)
			.filter((invitation) -> invitation.email().startsWith("pending"))
			.blockFirst()
			.id()
			.toString();
	}

	@Test
	void everyTenantEndpointAnswers404ToAMemberOfAnotherTenant() {
		WebTestClient outsiderClient = Staff.clientOf(this.context, this.outsider);
		List<String> checked = new ArrayList<>();

		for (Endpoint endpoint : tenantEndpoints()) {
			String uri = endpoint
				.uriFor(Map.of("tenantId", this.victim.id().toString(), "userId", this.victimsMember.id().toString(),
						"invitationId", this.victimsInvitationId, "appId", this.victimsApp.value(), "keyId",
						this.victimsKeyId, "pageId", this.victimsPage.value(), "deliveryId", this.victimsDeliveryId));
			outsiderClient.method(endpoint.method())
				.uri(uri)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.bodyValue("name=hijacked&role=viewer&email=evil%40example.com&confirmation=Victim+Inc")
				.exchange()
				.expectStatus()
				.isNotFound();
			checked.add(endpoint.method() + " " + uri);
		}

		assertThat(checked).hasSizeGreaterThanOrEqualTo(26);
		assertThatVictimIsUntouched();
	}

	@Test
	void aTenantsOwnPathCannotReachAnotherTenantsMembersOrInvitations() {
		SignedInUser owner = this.outsider;
		TenantId outsiderTenant = this.tenants.tenantsOf(owner.id()).blockFirst().tenantId();
		WebTestClient client = Staff.clientOf(this.context, owner);

		for (String path : List.of("/apps/" + this.victimsApp + "/pages/" + this.victimsPage + "/disconnect",
				"/apps/" + this.victimsApp + "/connect", "/apps/" + this.victimsApp + "/delete",
				"/apps/" + this.victimsApp + "/keys",
				"/apps/" + this.victimsApp + "/keys/" + this.victimsKeyId + "/revoke",
				"/members/" + this.victimsMember.id() + "/remove", "/members/" + this.victimsMember.id() + "/transfer",
				"/invitations/" + this.victimsInvitationId + "/revoke",
				"/invitations/" + this.victimsInvitationId + "/resend")) {
			client.post().uri("/t/" + outsiderTenant + path).exchange().expectStatus().isNotFound();
		}
		client.post()
			.uri("/t/" + outsiderTenant + "/members/" + this.victimsMember.id() + "/role")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.bodyValue("role=viewer")
			.exchange()
			.expectStatus()
			.isNotFound();

		assertThatVictimIsUntouched();
	}

	@Test
	void theTenantSwitcherListsOnlyOwnTenants() {
		String page = Staff.clientOf(this.context, this.outsider)
			.get()
			.uri("/tenants/new")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(page).contains("Outsider Ltd").doesNotContain("Victim Inc");
	}

	private void assertThatVictimIsUntouched() {
		assertThat(this.tenants.enter(new SignedInUser(this.victim.userId(), "Vera Victim"), this.victim.id())
			.block()
			.name()).isEqualTo("Victim Inc");
		assertThat(this.members.list(this.victim)
			.map((member) -> member.name() + ":" + member.role().key())
			.collectList()
			.block()).containsExactlyInAnyOrder("Vera Victim:owner", "Max Member:agent");
		assertThat(this.invitations.list(this.victim)
			.map((invitation) -> invitation.status().name())
			.collectList()
			.block()).containsExactlyInAnyOrder("ACCEPTED", "PENDING");
		assertThat(this.context.getBean(DeliveryLog.class)
			.search(this.victim.id(), DeliveryQuery.ofApp(this.victimsApp))
			.map((delivery) -> delivery.id() + ":" + delivery.status().value() + ":" + delivery.attemptCount())
			.collectList()
			.block()).containsExactly(this.victimsDeliveryId + ":skipped:0");
	}

	private List<Endpoint> tenantEndpoints() {
		List<Endpoint> endpoints = new ArrayList<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
				if (pattern.getPatternString().contains("{tenantId}")) {
					for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
						endpoints.add(new Endpoint(method.asHttpMethod(), pattern.getPatternString()));
					}
				}
			}
		}
		return endpoints;
	}

	private record Endpoint(HttpMethod method, String pattern) {

		String uriFor(Map<String, String> variables) {
			String uri = this.pattern;
			for (Map.Entry<String, String> variable : variables.entrySet()) {
				uri = uri.replace("{" + variable.getKey() + "}", variable.getValue());
			}
			assertThat(uri).as("every path variable of " + this.pattern + " has a test value").doesNotContain("{");
			return uri;
		}

	}

}
