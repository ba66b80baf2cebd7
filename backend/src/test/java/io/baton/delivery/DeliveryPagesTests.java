package io.baton.delivery;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.baton.graph.AppId;
import io.baton.tenancy.CurrentTenant;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.baton.testing.WebhookBodies.batch;
import static io.baton.testing.WebhookBodies.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The data plane on the dashboard: figures and the log show what reached the bot; a bot
 * that failed recovers after a replay of its dead letters; an endpoint disabled after
 * failing for long comes back when staff enable it.
 */
@BatonTest
class DeliveryPagesTests {

	static final String PAGE = "4500000000001";

	@Autowired
	ApplicationContext context;

	@Autowired
	TenantManagement tenants;

	@Autowired
	TenantTransactions transactions;

	@Autowired
	DeliverySettings settings;

	@Value("${baton.public-url}")
	String baseUrl;

	final WebhookReceiver bot = new WebhookReceiver();

	FacebookWebhooks facebook;

	CurrentTenant acme;

	SignedInUser owner;

	AppId app;

	String secret;

	WebTestClient browser;

	@BeforeEach
	void anAppWhoseBotListens() {
		this.facebook = new FacebookWebhooks(this.baseUrl);
		this.owner = Staff.signedIn(this.context, "Ada " + System.nanoTime());
		this.acme = this.tenants.enter(this.owner, this.tenants.create(this.owner, "Acme").block()).block();
		this.app = Fixtures.anAppOf(this.context, this.acme, "78" + (System.nanoTime() % 10_000_000_000_000L));
		this.secret = "secret-of-" + this.app.value();
		Fixtures.botEndpointOf(this.context, this.acme, this.app, this.bot.url());
		this.browser = Staff.clientOf(this.context, this.owner);
	}

	@AfterEach
	void closeTheBot() {
		this.bot.close();
	}

	@Test
	void theHealthPageAndTheLogShowWhatReachedTheBot() throws Exception {
		this.facebook.post(this.app.value(), this.secret,
				batch(PAGE, message(PAGE, "601", "m_p1", "hello"), message(PAGE, "602", "m_p2", "hi")));
		await().atMost(Duration.ofSeconds(20)).until(() -> this.bot.deliveries().size() == 2);

		// The bot has both; their outcomes are recorded just after its answers.
		String health = await().atMost(Duration.ofSeconds(20))
			.until(() -> page("/t/" + this.acme.id() + "/apps/" + this.app + "/health"),
					(shown) -> shown.replaceAll("\\s+", " ").contains("<span class=\"figure ok\">2</span>"));
		assertThat(health).contains("id=\"hourly-chart\"").contains(PAGE).contains(">healthy<");

		String onlyOnePerson = page("/t/" + this.acme.id() + "/apps/" + this.app + "/deliveries?psid=602");
		assertThat(onlyOnePerson).contains("data-mid=\"m_p2\"").doesNotContain("data-mid=\"m_p1\"");

		long id = deliveryId("m_p1");
		String detail = page("/t/" + this.acme.id() + "/apps/" + this.app + "/deliveries/" + id);
		assertThat(detail).contains("m_p1").contains("hello").contains("attempt-delivered");
	}

	@Test
	void aFailingBotRecoversAfterItsDeadLettersAreReplayed() throws Exception {
		this.bot.answer(500);
		this.facebook.post(this.app.value(), this.secret, batch(PAGE, message(PAGE, "611", "m_f1", "lost?")));
		await().atMost(Duration.ofSeconds(20)).until(() -> "dead".equals(status("m_f1")));
		assertThat(page("/t/" + this.acme.id() + "/apps/" + this.app + "/deliveries"))
			.contains("Replay 1 dead letters");

		this.bot.answer(200);
		post("/t/" + this.acme.id() + "/apps/" + this.app + "/dead-letters/replay");

		await().atMost(Duration.ofSeconds(20)).until(() -> "delivered".equals(status("m_f1")));
		assertThat(this.bot.events("messaging")).extracting((event) -> event.path("message").path("text").asString())
			.containsExactly("lost?");
	}

	@Test
	void anEndpointFailingForLongIsDisabledUntilStaffEnableIt() throws Exception {
		this.bot.answer(503);
		this.facebook.post(this.app.value(), this.secret, batch(PAGE, message(PAGE, "621", "m_x1", "first")));
		await().atMost(Duration.ofSeconds(20)).until(() -> "dead".equals(status("m_x1")));
		failingSinceLongerThan(this.settings.disableAfter());
		this.facebook.post(this.app.value(), this.secret, batch(PAGE, message(PAGE, "621", "m_x2", "second")));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> page("/t/" + this.acme.id() + "/apps/" + this.app + "/health").contains(">disabled<"));
		int arrivedWhileDisabled = this.bot.arrived();
		this.bot.answer(200);
		await("the waiting delivery is due").atMost(Duration.ofSeconds(5)).until(() -> isDue("m_x2"));
		try (WebhookReceiver otherBot = new WebhookReceiver()) {
			AppId other = Fixtures.anAppOf(this.context, this.acme, "79" + (System.nanoTime() % 10_000_000_000_000L));
			Fixtures.botEndpointOf(this.context, this.acme, other, otherBot.url());
			this.facebook.post(other.value(), "secret-of-" + other.value(),
					batch(PAGE, message(PAGE, "622", "m_y1", "later")));
			// Claims take due deliveries oldest first: one that took this later event
			// passed m_x2 over, because its endpoint is disabled.
			await().atMost(Duration.ofSeconds(20)).until(() -> otherBot.arrived() == 1);
		}
		assertThat(this.bot.arrived()).as("nothing is sent to a disabled endpoint").isEqualTo(arrivedWhileDisabled);

		post("/t/" + this.acme.id() + "/apps/" + this.app + "/endpoint/enable");

		await().atMost(Duration.ofSeconds(20)).until(() -> "delivered".equals(status("m_x2")));
		assertThat(page("/t/" + this.acme.id() + "/apps/" + this.app + "/health")).contains(">healthy<");
	}

	@Test
	void aViewerSeesTheLogButMayNotReplayNorSendTestEvents() {
		SignedInUser viewer = Staff.signedIn(this.context, "Vic Viewer " + System.nanoTime());
		this.context.getBean(io.baton.tenancy.Invitations.class)
			.accept(this.context.getBean(io.baton.tenancy.Invitations.class)
				.invite(this.acme, "vic@acme.example", Role.VIEWER)
				.block()
				.token(), viewer)
			.block();
		WebTestClient viewerBrowser = Staff.clientOf(this.context, viewer);

		String log = viewerBrowser.get()
			.uri("/t/" + this.acme.id() + "/apps/" + this.app + "/deliveries")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(log).doesNotContain("send-test-event");
		viewerBrowser.post()
			.uri("/t/" + this.acme.id() + "/apps/" + this.app + "/test-event")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private String page(String uri) {
		return this.browser.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private boolean isDue(String mid) {
		return Boolean.TRUE.equals(
				this.transactions
					.inTenant(this.acme.id(),
							(db) -> db.sql("SELECT next_attempt_at <= now() AS due FROM deliveries WHERE mid = :mid")
								.bind("mid", mid)
								.map((row) -> row.get("due", Boolean.class))
								.one())
					.block());
	}

	private void post(String uri) {
		this.browser.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.exchange()
			.expectStatus()
			.is3xxRedirection();
	}

	/**
	 * The endpoint's failures began longer ago than {@code span} (its time moves, as the
	 * database's clock cannot).
	 */
	private void failingSinceLongerThan(Duration span) {
		Long moved = this.transactions.inTenant(this.acme.id(),
				(db) -> db
					.sql("UPDATE endpoint_states SET failing_since = failing_since - :shift * interval '1 millisecond'"
							+ " WHERE app_id = :app AND failing_since IS NOT NULL")
					.bind("shift", (double) span.plusMinutes(1).toMillis())
					.bind("app", this.app.value())
					.fetch()
					.rowsUpdated())
			.block();
		assertThat(moved).as("the endpoint's failing state").isEqualTo(1);
	}

	private String status(String mid) {
		return this.transactions
			.inTenant(this.acme.id(),
					(db) -> db.sql("SELECT status FROM deliveries WHERE mid = :mid")
						.bind("mid", mid)
						.map((row) -> row.get("status", String.class))
						.one())
			.block();
	}

	private long deliveryId(String mid) {
		return this.transactions
			.inTenant(this.acme.id(),
					(db) -> db.sql("SELECT id FROM deliveries WHERE mid = :mid")
						.bind("mid", mid)
						.map((row) -> row.get("id", Long.class))
						.one())
			.block();
	}

}
