package io.baton.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

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
import io.baton.platform.DatabaseSettings;
import io.baton.testing.Fixtures;
import io.baton.testing.GroundTruth;
import io.baton.testing.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenants are walls: for every dashboard and API endpoint that names a tenant, a member
 * of another tenant gets 404 and changes no row the victim owns, while the victim's own
 * member opens the same pages; the outsider's own tenant path with the victim's ids, and
 * the outsider's API key with them, reach nothing either. The endpoints are read from the
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

	/** Every table a tenant owns rows of (partitions: their parent), the tenants too. */
	private static final String TENANT_TABLES = """
			SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			 WHERE n.nspname = 'baton' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
			   AND (c.relname = 'tenants' OR EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
			                                          AND a.attname = 'tenant_id' AND NOT a.attisdropped))""";

	@Autowired
	DatabaseSettings database;

	@Value("${baton.public-url}")
	String baseUrl;

	SignedInUser outsider;

	SignedInUser victimsOwner;

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
		this.victimsOwner = owner;
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
	void everyTenantEndpointAnswers404ToAMemberOfAnotherTenantAndChangesNothing() throws SQLException {
		WebTestClient outsiderClient = Staff.clientOf(this.context, this.outsider);
		Map<String, String> before = victimsRows();
		List<String> checked = new ArrayList<>();

		for (Endpoint endpoint : tenantEndpoints()) {
			String uri = endpoint.uriFor(victimsIds(this.victim.id()));
			send(outsiderClient, endpoint.method(), uri).expectStatus().isNotFound();
			checked.add(endpoint.method() + " " + uri);
		}

		assertThat(checked).as("dashboard and API endpoints naming a tenant").hasSizeGreaterThanOrEqualTo(43);
		assertThat(victimsRows()).as("every row of every table the victim owns").isEqualTo(before);
		assertThatVictimIsUntouched();
	}

	@Test
	void everyTenantPageRefusedToOutsidersOpensForTheTenantsOwnMember() {
		WebTestClient ownersClient = Staff.clientOf(this.context, this.victimsOwner);
		List<String> opened = new ArrayList<>();

		for (Endpoint endpoint : tenantEndpoints()) {
			// The page choice after Facebook's dialog exists only with the state of a
			// dialog.
			if (endpoint.method() == HttpMethod.GET && !endpoint.pattern().endsWith("/connect")) {
				String uri = endpoint.uriFor(victimsIds(this.victim.id()));
				int status = ownersClient.get().uri(uri).exchange().returnResult(String.class).getStatus().value();
				assertThat(status).as("the victim's owner opens GET " + uri).isBetween(200, 399);
				opened.add(uri);
			}
		}

		assertThat(opened).as("the same URIs the outsider was refused").hasSizeGreaterThanOrEqualTo(14);
	}

	@Test
	void aTenantsOwnPathWithAnotherTenantsIdsAnswers404AndChangesNothing() throws SQLException {
		TenantId outsiderTenant = this.tenants.tenantsOf(this.outsider.id()).blockFirst().tenantId();
		WebTestClient client = Staff.clientOf(this.context, this.outsider);
		Map<String, String> before = victimsRows();
		List<String> checked = new ArrayList<>();

		Map<String, Integer> answered = new TreeMap<>();
		for (Endpoint endpoint : tenantEndpoints()) {
			if (endpoint.namesAnObject()) {
				String uri = endpoint.uriFor(victimsIds(outsiderTenant));
				answered.put(endpoint.method() + " " + uri,
						send(client, endpoint.method(), uri).returnResult(String.class).getStatus().value());
				checked.add(endpoint.method() + " " + uri);
			}
		}

		assertThat(answered).as("answers other than 404")
			.allSatisfy((uri, status) -> assertThat(status).isEqualTo(404));
		assertThat(checked).as("endpoints naming an app, page, key, member, invitation or delivery")
			.hasSizeGreaterThanOrEqualTo(29)
			.anyMatch((uri) -> uri.startsWith("GET "))
			.anyMatch((uri) -> uri.contains("/api/v1/"));
		assertThat(victimsRows()).isEqualTo(before);
		assertThatVictimIsUntouched();
	}

	@Test
	void anApiKeyOfAnotherTenantsAppReachesNoneOfTheVictimsObjects() throws SQLException {
		TenantId outsiderTenant = this.tenants.tenantsOf(this.outsider.id()).blockFirst().tenantId();
		CurrentTenant outsiders = this.tenants.enter(this.outsider, outsiderTenant).block();
		AppId outsidersApp = Fixtures.anAppOf(this.context, outsiders,
				"98" + (System.nanoTime() % 10_000_000_000_000L));
		String key = this.context.getBean(ApiKeys.class)
			.create(outsiders, outsidersApp, "outsider bot")
			.block()
			.value();
		WebTestClient anonymous = WebTestClient.bindToServer().baseUrl(this.baseUrl).build();
		Map<String, String> before = victimsRows();
		List<String> checked = new ArrayList<>();

		for (Endpoint endpoint : endpoints(
				(pattern) -> pattern.startsWith("/api/v1/") && !pattern.contains("{tenantId}")
						&& (pattern.contains("{appId}") || pattern.contains("{deliveryId}")))) {
			String uri = endpoint.uriFor(victimsIds(outsiderTenant));
			int status = anonymous.method(endpoint.method())
				.uri(uri)
				.header("Authorization", "Bearer " + key)
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value();
			assertThat(status).as(endpoint.method() + " " + uri).isIn(403, 404);
			checked.add(endpoint.method() + " " + uri);
		}

		assertThat(checked).hasSizeGreaterThanOrEqualTo(4);
		assertThat(victimsRows()).isEqualTo(before);
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
		return endpoints((pattern) -> pattern.contains("{tenantId}"));
	}

	private List<Endpoint> endpoints(Predicate<String> patterns) {
		List<Endpoint> endpoints = new ArrayList<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
				if (patterns.test(pattern.getPatternString())) {
					for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
						endpoints.add(new Endpoint(method.asHttpMethod(), pattern.getPatternString()));
					}
				}
			}
		}
		return endpoints;
	}

	private Map<String, String> victimsIds(TenantId tenant) {
		return Map.of("tenantId", tenant.toString(), "userId", this.victimsMember.id().toString(), "invitationId",
				this.victimsInvitationId, "appId", this.victimsApp.value(), "keyId", this.victimsKeyId, "pageId",
				this.victimsPage.value(), "deliveryId", this.victimsDeliveryId);
	}

	private static WebTestClient.ResponseSpec send(WebTestClient client, HttpMethod method, String uri) {
		return client.method(method)
			.uri(uri)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.bodyValue("name=hijacked&role=viewer&email=evil%40example.com&confirmation=Victim+Inc"
					+ "&endpoint=https%3A%2F%2Fevil.example%2F&secret=0123456789abcdef0123456789abcdef")
			.exchange();
	}

	/**
	 * Every row the victim tenant owns, table by table, as text: any change a handler
	 * made before refusing would show here.
	 */
	private Map<String, String> victimsRows() throws SQLException {
		Map<String, String> rows = new TreeMap<>();
		for (String table : GroundTruth.rows(this.database, TENANT_TABLES, (row) -> row.getString(1))) {
			String owner = table.equals("tenants") ? "id" : "tenant_id";
			rows.put(table,
					GroundTruth
						.rows(this.database,
								"SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text,"
										+ " '|' ORDER BY t::text)), '') FROM baton." + table + " t WHERE " + owner
										+ " = '" + this.victim.id() + "'",
								(row) -> row.getString(1))
						.get(0));
		}
		assertThat(rows).containsKeys("apps", "api_keys", "page_connections", "deliveries", "invitations");
		return rows;
	}

	private record Endpoint(HttpMethod method, String pattern) {

		boolean namesAnObject() {
			return this.pattern.replace("{tenantId}", "").contains("{");
		}

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
