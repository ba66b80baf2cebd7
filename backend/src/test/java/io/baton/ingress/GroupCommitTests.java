package io.baton.ingress;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import io.baton.graph.AppId;
import io.baton.ingress.WebhookBatches.Batch;
import io.baton.platform.DatabaseSettings;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.SignedInUser;
import io.baton.tenancy.TenantId;
import io.baton.tenancy.TenantManagement;
import io.baton.tenancy.TenantTransactions;
import io.baton.testing.BatonTest;
import io.baton.testing.FacebookWebhooks;
import io.baton.testing.Fixtures;
import io.baton.testing.GroundTruth;
import io.baton.testing.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Group commit against the real PostgreSQL: many signed requests of several tenants at
 * once are each stored exactly once, byte for byte, under their own tenant, in fewer
 * transactions than requests; a failed group answers 503 and stores nothing; row-level
 * security still checks each row against its own tenant.
 */
@BatonTest(
		properties = { "baton.demo.enabled=false", "baton.test.label=group-commit", "baton.ingress.flush-timeout=1s" })
class GroupCommitTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	TenantManagement tenants;

	@Autowired
	TenantTransactions transactions;

	@Autowired
	GroupCommit groupCommit;

	@Autowired
	DatabaseSettings database;

	@Autowired
	MeterRegistry meters;

	@Value("${baton.public-url}")
	String baseUrl;

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	List<TenantWithApp> tenantsWithApps;

	@BeforeEach
	void threeTenantsWithAnAppEach() {
		this.tenantsWithApps = List.of(aTenantWithAnApp("Acme"), aTenantWithAnApp("Globex"),
				aTenantWithAnApp("Initech"));
	}

	@Test
	void concurrentSignedBatchesOfSeveralTenantsAreEachStoredOnceWithTheirExactBytes() throws Exception {
		List<Post> posts = IntStream.range(0, 200)
			.mapToObj((i) -> new Post(this.tenantsWithApps.get(i % 3), batch("request " + i + " \u00e7a va")))
			.toList();
		double commitsBefore = groupCommits();

		List<Integer> statuses = sendAllAtOnce(posts);

		assertThat(statuses).hasSize(200).containsOnly(200);
		assertThat(storedRows()).containsExactlyInAnyOrderElementsOf(
				posts.stream().map((post) -> new Row(post.to().tenant(), post.to().app(), post.body())).toList());
		assertThat(groupCommits() - commitsBefore).as("transactions for 200 batches").isLessThan(200);
		String acmesApp = this.tenantsWithApps.get(0).app();
		assertThat(this.meters.get("baton.ingress.ack").tag("app", acmesApp).timer().count()).isEqualTo(67);
		assertThat(this.meters.get("baton.ingress.batches").tag("app", acmesApp).counter().count()).isEqualTo(67);
		assertThat(this.meters.get("baton.ingress.events").tags("app", acmesApp, "page", "1").counter().count())
			.isEqualTo(67);
	}

	@Test
	void eachRequestLearnsTheIdOfItsOwnRow() {
		List<Batch> batches = IntStream.range(0, 60).mapToObj((i) -> {
			TenantWithApp to = this.tenantsWithApps.get(i % 3);
			return new Batch(new TenantId(to.tenant()), new AppId(to.app()),
					batch("batch " + i).getBytes(StandardCharsets.UTF_8), 1);
		}).toList();

		Map<Long, Batch> byId = Flux.fromIterable(batches)
			.flatMap((batch) -> this.groupCommit.store(batch).map((id) -> Map.entry(id, batch)), 60)
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.block();

		assertThat(byId).hasSize(60);
		byId.forEach((id, batch) -> assertThat(storedRow(id)).isEqualTo(new Row(batch.tenant().value(),
				batch.app().value(), new String(batch.body(), StandardCharsets.UTF_8))));
	}

	@Test
	void aGroupThatCannotCommitIsAnswered503AndStoresNothing() throws Exception {
		List<Post> posts = IntStream.range(0, 30)
			.mapToObj((i) -> new Post(this.tenantsWithApps.get(i % 3), batch("doomed " + i)))
			.toList();
		adminSql("REVOKE INSERT ON baton.webhook_batches FROM " + this.database.appRole());
		List<Integer> statuses;
		try {
			statuses = sendAllAtOnce(posts);
		}
		finally {
			adminSql("GRANT INSERT ON baton.webhook_batches TO " + this.database.appRole());
		}

		assertThat(statuses).hasSize(30).containsOnly(503);
		assertThat(storedRows()).isEmpty();
		assertThat(sendAllAtOnce(posts.subList(0, 3))).as("after the database recovers").containsOnly(200);
	}

	@Test
	void aGroupCommitThatHangsIsAnswered503AtItsTimeoutAndTheSlotsAreFreeAgain() throws Exception {
		List<Post> posts = IntStream.range(0, 6)
			.mapToObj((i) -> new Post(this.tenantsWithApps.get(i % 3), batch("stuck " + i)))
			.toList();
		adminSql("CREATE FUNCTION baton.hang_inserts() RETURNS trigger LANGUAGE plpgsql AS"
				+ " $$ BEGIN PERFORM pg_sleep(3); RETURN NULL; END $$");
		adminSql("CREATE TRIGGER hang BEFORE INSERT ON baton.webhook_batches"
				+ " FOR EACH STATEMENT EXECUTE FUNCTION baton.hang_inserts()");
		List<Integer> statuses;
		Duration answeredIn;
		try {
			long started = System.nanoTime();
			statuses = sendAllAtOnce(posts);
			answeredIn = Duration.ofNanos(System.nanoTime() - started);
		}
		finally {
			adminSql("DROP TRIGGER hang ON baton.webhook_batches");
			adminSql("DROP FUNCTION baton.hang_inserts()");
		}

		assertThat(statuses).containsOnly(503);
		assertThat(answeredIn).as("answered before the 3 s insert ends").isLessThan(Duration.ofMillis(2900));
		assertThat(sendAllAtOnce(posts.subList(0, 3))).as("the flush slots are free again").containsOnly(200);
	}

	@Test
	void aRowOfOneTenantCannotBeWrittenUnderAnotherTenantsSetting() throws Exception {
		TenantId acme = new TenantId(this.tenantsWithApps.get(0).tenant());
		TenantWithApp globex = this.tenantsWithApps.get(1);
		Batch acmesBatch = new Batch(acme, new AppId(this.tenantsWithApps.get(0).app()), bytes("acme's"), 1);
		Batch globexBatch = new Batch(new TenantId(globex.tenant()), new AppId(globex.app()), bytes("globex's"), 1);

		assertThatThrownBy(() -> this.transactions
			.inEachTenant(List.of(acme),
					(tenant, db) -> WebhookBatches.insert(db, tenant, List.of(acmesBatch))
						.then(WebhookBatches.insert(db, globexBatch.tenant(), List.of(globexBatch))))
			.block()).hasMessageContaining("row-level security");
		assertThat(storedRows()).as("the whole transaction rolled back").isEmpty();
	}

	private TenantWithApp aTenantWithAnApp(String name) {
		SignedInUser owner = Staff.signedIn(this.context, name + " Owner " + System.nanoTime());
		CurrentTenant tenant = this.tenants.enter(owner, this.tenants.create(owner, name).block()).block();
		AppId app = Fixtures.anAppOf(this.context, tenant, "77" + (System.nanoTime() % 10_000_000_000_000L));
		return new TenantWithApp(tenant.id().value(), app.value());
	}

	private static String batch(String text) {
		return "{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"time\":1,\"messaging\":[{\"message\":{\"mid\":\""
				+ UUID.randomUUID() + "\",\"text\":\"" + text + " \\u00fc\"}}]}]}";
	}

	private static byte[] bytes(String text) {
		return batch(text).getBytes(StandardCharsets.UTF_8);
	}

	private List<Integer> sendAllAtOnce(List<Post> posts) throws Exception {
		List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
		for (Post post : posts) {
			byte[] body = post.body().getBytes(StandardCharsets.UTF_8);
			answers.add(this.http
				.sendAsync(HttpRequest.newBuilder(URI.create(this.baseUrl + "/webhooks/" + post.to().app()))
					.header("Content-Type", "application/json")
					.header("X-Hub-Signature-256",
							"sha256=" + FacebookWebhooks.hmac("HmacSHA256", "secret-of-" + post.to().app(), body))
					.POST(HttpRequest.BodyPublishers.ofByteArray(body))
					.build(), HttpResponse.BodyHandlers.ofString()));
		}
		CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get();
		return answers.stream().map((answer) -> answer.join().statusCode()).toList();
	}

	private double groupCommits() {
		return this.meters.get("baton.ingress.group.size").summary().count();
	}

	/**
	 * Every row stored for this test's apps (whatever its tenant), read as the login role
	 * (a superuser here), which bypasses RLS.
	 */
	private List<Row> storedRows() throws SQLException {
		String apps = String.join("', '", this.tenantsWithApps.stream().map(TenantWithApp::app).toList());
		return rows("SELECT tenant_id, app_id, body FROM baton.webhook_batches WHERE app_id IN ('" + apps + "')");
	}

	private Row storedRow(long id) {
		try {
			return rows("SELECT tenant_id, app_id, body FROM baton.webhook_batches WHERE id = " + id).get(0);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<Row> rows(String query) throws SQLException {
		return GroundTruth.rows(this.database, query, (row) -> new Row(row.getObject(1, UUID.class), row.getString(2),
				new String(row.getBytes(3), StandardCharsets.UTF_8)));
	}

	private void adminSql(String sql) throws SQLException {
		GroundTruth.execute(this.database, sql);
	}

	record TenantWithApp(UUID tenant, String app) {
	}

	record Post(TenantWithApp to, String body) {
	}

	record Row(UUID tenant, String app, String body) {
	}

}
