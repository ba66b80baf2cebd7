package io.baton.ingress;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.baton.graph.AppId;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.SignedInUser;
import io.baton.tenancy.TenantManagement;
import io.baton.tenancy.TenantTransactions;
import io.baton.testing.BatonTest;
import io.baton.testing.FacebookWebhooks;
import io.baton.testing.WebhookBodies;
import io.baton.testing.Fixtures;
import io.baton.testing.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refusals at intake that the review found wrong: a SHA-1 value smuggled into the SHA-256
 * header (L4), and an app whose secret Baton cannot open, which must be a 503 that
 * Facebook retries rather than a 500 (L10).
 */
@BatonTest
class IntakeRefusalsTests {

	private static final String BATCH = WebhookBodies.batch("1", WebhookBodies.message("1", "2", "m_1", "hi"));

	@Autowired
	ApplicationContext context;

	@Autowired
	TenantManagement tenants;

	@Autowired
	TenantTransactions transactions;

	@Value("${baton.public-url}")
	String baseUrl;

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	CurrentTenant acme;

	AppId app;

	@BeforeEach
	void aTenantWithAnApp() {
		SignedInUser owner = Staff.signedIn(this.context, "Ada " + System.nanoTime());
		this.acme = this.tenants.enter(owner, this.tenants.create(owner, "Acme").block()).block();
		this.app = Fixtures.anAppOf(this.context, this.acme, "55" + (System.nanoTime() % 10_000_000_000_000L));
	}

	@Test
	void refusesASha1ValueInTheSha256Header() throws Exception {
		byte[] body = BATCH.getBytes(StandardCharsets.UTF_8);
		String sha1 = FacebookWebhooks.hmac("HmacSHA1", "secret-of-" + this.app.value(), body);

		HttpResponse<String> answer = post(body, "X-Hub-Signature-256", "sha1=" + sha1);

		assertThat(answer.statusCode()).isEqualTo(403);
	}

	@Test
	void answers503WhenTheAppSecretCannotBeOpened() throws Exception {
		this.transactions
			.inTenant(this.acme.id(),
					(db) -> db.sql("UPDATE apps SET secret_sealed = 'gone:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'"
							+ " WHERE app_id = :app")
						.bind("app", this.app.value())
						.fetch()
						.rowsUpdated())
			.block();
		byte[] body = BATCH.getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> answer = post(body, "X-Hub-Signature-256",
				"sha256=" + FacebookWebhooks.hmac("HmacSHA256", "secret-of-" + this.app.value(), body));

		assertThat(answer.statusCode()).isEqualTo(503);
		assertThat(answer.body()).doesNotContain("gone:");
	}

	private HttpResponse<String> post(byte[] body, String header, String signature) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/webhooks/" + this.app))
			.header("Content-Type", "application/json")
			.header(header, signature)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
