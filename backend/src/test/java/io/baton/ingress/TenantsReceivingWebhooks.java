package io.baton.ingress;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.baton.graph.AppId;
import io.baton.testing.WebhookBodies;
import io.baton.platform.DatabaseSettings;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.SignedInUser;
import io.baton.tenancy.TenantManagement;
import io.baton.testing.FacebookWebhooks;
import io.baton.testing.Fixtures;
import io.baton.testing.GroundTruth;
import io.baton.testing.Staff;
import io.baton.testing.TestHttp;

import org.springframework.context.ApplicationContext;

/**
 * The group commit tests' world: tenants with an app each, Facebook POSTing signed
 * batches to their apps all at once, and what was stored for those apps, read as the
 * login role (a superuser here, which bypasses row-level security).
 */
final class TenantsReceivingWebhooks {

	private final HttpClient http = TestHttp.client();

	private final ApplicationContext context;

	private final String baseUrl;

	private final DatabaseSettings database;

	final List<TenantWithApp> tenantsWithApps;

	TenantsReceivingWebhooks(ApplicationContext context, String... names) {
		this.context = context;
		this.baseUrl = context.getEnvironment().getRequiredProperty("baton.public-url");
		this.database = context.getBean(DatabaseSettings.class);
		this.tenantsWithApps = List.of(names).stream().map(this::aTenantWithAnApp).toList();
	}

	private TenantWithApp aTenantWithAnApp(String name) {
		TenantManagement tenants = this.context.getBean(TenantManagement.class);
		SignedInUser owner = Staff.signedIn(this.context, name + " Owner " + System.nanoTime());
		CurrentTenant tenant = tenants.enter(owner, tenants.create(owner, name).block()).block();
		AppId app = Fixtures.anAppOf(this.context, tenant, "77" + (System.nanoTime() % 10_000_000_000_000L));
		return new TenantWithApp(tenant.id().value(), app.value());
	}

	/**
	 * One batch of one message with this text, to the {@code i}-th tenant's app in turn.
	 */
	Post post(int i, String text) {
		return new Post(this.tenantsWithApps.get(i % this.tenantsWithApps.size()), batch(text));
	}

	static String batch(String text) {
		return WebhookBodies.escapedBatch("1", List.of(WebhookBodies.bareMessage(text + " \u00fc")));
	}

	/** Sends every POST at once, signed as Facebook signs; answers their statuses. */
	List<Integer> sendAllAtOnce(List<Post> posts) throws Exception {
		List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
		for (Post post : posts) {
			byte[] body = post.body().getBytes(StandardCharsets.UTF_8);
			answers.add(this.http.sendAsync(TestHttp.request(URI.create(this.baseUrl + "/webhooks/" + post.to().app()))
				.header("Content-Type", "application/json")
				.header("X-Hub-Signature-256",
						"sha256=" + FacebookWebhooks.hmac("HmacSHA256", "secret-of-" + post.to().app(), body))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString()));
		}
		CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		return answers.stream().map((answer) -> answer.join().statusCode()).toList();
	}

	/** Every row stored for these apps, whatever its tenant. */
	List<Row> storedRows() throws SQLException {
		String apps = String.join("', '", this.tenantsWithApps.stream().map(TenantWithApp::app).toList());
		return rows("SELECT tenant_id, app_id, body FROM baton.webhook_batches WHERE app_id IN ('" + apps + "')");
	}

	Row storedRow(long id) {
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

	/** Runs a statement as the login role: a fault the test injects and takes back. */
	void adminSql(String sql) throws SQLException {
		GroundTruth.execute(this.database, sql);
	}

	record TenantWithApp(UUID tenant, String app) {
	}

	record Post(TenantWithApp to, String body) {
	}

	record Row(UUID tenant, String app, String body) {
	}

}
