package io.baton.delivery;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
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
import io.baton.testing.FacebookWebhooks;
import io.baton.testing.Fixtures;
import io.baton.testing.Staff;
import io.baton.testing.WebhookReceiver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.baton.testing.WebhookBodies.batch;
import static io.baton.testing.WebhookBodies.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bot endpoint may carry credentials in its URL (a user and password, a {@code ?sig=}
 * query): wherever staff read it, and in the errors that quote it, they see its host and
 * path only (L5). A viewer reads each place here.
 */
@BatonTest
class EndpointCredentialsHiddenTests {

	static final String PAGE = "4600000000003";

	static final String PASSWORD = "hunter2";

	static final String SIGNATURE = "s3cr3t";

	final WebhookReceiver bot = new WebhookReceiver();

	@Autowired
	ApplicationContext context;

	@Autowired
	TenantManagement tenants;

	@Autowired
	TenantTransactions transactions;

	@Autowired
	Invitations invitations;

	@Value("${baton.public-url}")
	String baseUrl;

	CurrentTenant acme;

	AppId app;

	String endpoint;

	long delivery;

	WebTestClient viewer;

	@BeforeEach
	void aDeliveryToAnEndpointWithCredentialsInItsUrl() throws Exception {
		SignedInUser owner = Staff.signedIn(this.context, "Ada " + System.nanoTime());
		this.acme = this.tenants.enter(owner, this.tenants.create(owner, "Acme").block()).block();
		this.app = Fixtures.anAppOf(this.context, this.acme, "76" + (System.nanoTime() % 10_000_000_000_000L));
		this.endpoint = this.bot.url().replace("http://", "http://bot:" + PASSWORD + "@") + "?sig=" + SIGNATURE;
		Fixtures.botEndpointOf(this.context, this.acme, this.app, this.endpoint);
		new FacebookWebhooks(this.baseUrl).post(this.app.value(), "secret-of-" + this.app.value(),
				batch(PAGE, message(PAGE, "631", "m_cred", "hello")));
		this.delivery = await().atMost(Duration.ofSeconds(20)).until(this::deliveredId, (id) -> id != null);
		quotedInLastError(this.endpoint);
		SignedInUser vera = Staff.signedIn(this.context, "Vera " + System.nanoTime());
		this.invitations
			.accept(this.invitations.invite(this.acme, "vera@acme.example", Role.VIEWER).block().token(), vera)
			.block();
		this.viewer = Staff.clientOf(this.context, vera);
	}

	@AfterEach
	void closeTheBot() {
		this.bot.close();
	}

	@Test
	void theAppsListShowsTheEndpointWithoutCredentials() {
		assertHidden(read("/t/" + this.acme.id() + "/apps"));
	}

	@Test
	void theAppPageShowsTheEndpointWithoutCredentials() {
		assertHidden(read("/t/" + this.acme.id() + "/apps/" + this.app));
	}

	@Test
	void theHealthPageShowsTheEndpointWithoutCredentials() {
		assertHidden(read("/t/" + this.acme.id() + "/apps/" + this.app + "/health"));
	}

	@Test
	void theLogShowsTheLastErrorWithoutCredentials() {
		assertHidden(read("/t/" + this.acme.id() + "/apps/" + this.app + "/deliveries"));
	}

	@Test
	void theDeliveryPageShowsTheAttemptsEndpointAndLastErrorWithoutCredentials() {
		assertHidden(read("/t/" + this.acme.id() + "/apps/" + this.app + "/deliveries/" + this.delivery));
	}

	@Test
	void theApiShowsTheDeliveryAndTheEndpointWithoutCredentials() {
		assertHidden(read("/api/v1/tenants/" + this.acme.id() + "/deliveries/" + this.delivery));
		assertHidden(read("/api/v1/tenants/" + this.acme.id() + "/apps/" + this.app + "/endpoint"));
	}

	private void assertHidden(String shown) {
		assertThat(shown).contains("127.0.0.1").doesNotContain(PASSWORD).doesNotContain(SIGNATURE);
	}

	private String read(String uri) {
		return this.viewer.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private Long deliveredId() {
		return this.transactions
			.inTenant(this.acme.id(),
					(db) -> db.sql("SELECT id FROM deliveries WHERE mid = 'm_cred' AND status = 'delivered'")
						.map((row) -> row.get("id", Long.class))
						.one())
			.block();
	}

	/**
	 * The delivery is a dead letter whose last error quotes the endpoint, as an error
	 * about its URL does.
	 */
	private void quotedInLastError(String url) {
		this.transactions
			.inTenant(this.acme.id(),
					(db) -> db.sql("UPDATE deliveries SET status = 'dead', last_error = :error WHERE id = :id")
						.bind("error", "Could not reach the bot: no answer from " + url)
						.bind("id", this.delivery)
						.fetch()
						.rowsUpdated())
			.block();
	}

}
