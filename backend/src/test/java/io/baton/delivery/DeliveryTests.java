package io.baton.delivery;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.baton.graph.AppId;
import io.baton.tenancy.CurrentTenant;
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

import static io.baton.testing.WebhookBodies.batch;
import static io.baton.testing.WebhookBodies.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * From Facebook's POST to the bot's endpoint over real HTTP: each event once, signed as
 * Facebook signs, in order per conversation, through a bot's outage and after it.
 */
@BatonTest
class DeliveryTests {

	static final String PAGE = "4400000000001";

	@Autowired
	ApplicationContext context;

	@Autowired
	TenantManagement tenants;

	@Autowired
	TenantTransactions transactions;

	@Value("${baton.public-url}")
	String baseUrl;

	final WebhookReceiver bot = new WebhookReceiver();

	FacebookWebhooks facebook;

	CurrentTenant acme;

	AppId app;

	String secret;

	@BeforeEach
	void anAppWhoseBotListens() {
		this.facebook = new FacebookWebhooks(this.baseUrl);
		SignedInUser owner = Staff.signedIn(this.context, "Ada " + System.nanoTime());
		this.acme = this.tenants.enter(owner, this.tenants.create(owner, "Acme").block()).block();
		this.app = Fixtures.anAppOf(this.context, this.acme, "77" + (System.nanoTime() % 10_000_000_000_000L));
		this.secret = "secret-of-" + this.app.value();
		Fixtures.botEndpointOf(this.context, this.acme, this.app, this.bot.url());
	}

	@AfterEach
	void closeTheBot() {
		this.bot.close();
	}

	@Test
	void eachEventReachesTheBotAloneSignedAsFacebookSignsIt() throws Exception {
		String events = batch(PAGE, message(PAGE, "501", "m_a1", "one"), message(PAGE, "502", "m_b1", "zwei \u00fc"));

		assertThat(this.facebook.post(this.app.value(), this.secret, events)).isEqualTo(200);

		await().atMost(Duration.ofSeconds(20)).until(() -> this.bot.deliveries().size() == 2);
		assertThat(this.bot.deliveries()).allSatisfy((delivery) -> {
			assertThat(delivery.signedWith(this.secret)).isTrue();
			assertThat(delivery.contentType()).startsWith("application/json");
			assertThat(delivery.deliveryId()).isNotBlank();
			assertThat(delivery.attempt()).isEqualTo("1");
			JsonNode body = delivery.json();
			assertThat(body.path("object").asString()).isEqualTo("page");
			assertThat(body.path("entry")).hasSize(1);
			assertThat(body.path("entry").get(0).path("id").asString()).isEqualTo(PAGE);
			assertThat(body.path("entry").get(0).path("messaging")).hasSize(1);
		});
		assertThat(this.bot.deliveries().stream().map(WebhookReceiver.Delivery::deliveryId).distinct()).hasSize(2);
		assertThat(texts()).containsExactlyInAnyOrder("one", "zwei \u00fc");
		assertThat(this.bot.deliveries()).anySatisfy((delivery) -> assertThat(delivery.text()).contains("\\u00fc"));
	}

	@Test
	void aBatchFacebookSendsAgainIsDeliveredOnce() throws Exception {
		String events = batch(PAGE, message(PAGE, "511", "m_r1", "once"));

		assertThat(this.facebook.post(this.app.value(), this.secret, events)).isEqualTo(200);
		assertThat(this.facebook.post(this.app.value(), this.secret, events)).isEqualTo(200);
		assertThat(this.facebook.post(this.app.value(), this.secret,
				batch(PAGE, message(PAGE, "511", "m_r1", "once"), message(PAGE, "511", "m_r2", "twice"))))
			.isEqualTo(200);

		await("every batch routed and every delivery finished").atMost(Duration.ofSeconds(20))
			.until(() -> unroutedBatches() == 0 && !deliveryStatuses().contains("pending"));
		assertThat(deliveryStatuses()).containsExactly("delivered", "delivered");
		assertThat(texts()).containsExactly("once", "twice");
		assertThat(this.bot.deliveries()).hasSize(2);
	}

	/** This app's stored batches that routing has not turned into deliveries yet. */
	private long unroutedBatches() {
		return this.transactions
			.inTenant(this.acme.id(),
					(db) -> db.sql("SELECT count(*) FROM webhook_batches WHERE app_id = :app AND routed_at IS NULL")
						.bind("app", this.app.value())
						.map((row) -> row.get(0, Long.class))
						.one())
			.block();
	}

	/** The status of each of this app's deliveries, oldest first. */
	private List<String> deliveryStatuses() {
		return this.transactions
			.inTenantMany(this.acme.id(),
					(db) -> db.sql("SELECT status FROM deliveries WHERE app_id = :app ORDER BY id")
						.bind("app", this.app.value())
						.map((row) -> row.get("status", String.class))
						.all())
			.collectList()
			.block();
	}

	@Test
	void aBotThatIsDownAndComesBackGetsEverythingInOrder() throws Exception {
		this.bot.answer(503);
		for (int i = 1; i <= 5; i++) {
			assertThat(this.facebook.post(this.app.value(), this.secret,
					batch(PAGE, message(PAGE, "521", "m_o" + i, "in order " + i))))
				.isEqualTo(200);
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> this.bot.arrived() >= 2);
		assertThat(this.bot.deliveries()).extracting(WebhookReceiver.Delivery::text)
			.allSatisfy((text) -> assertThat(text).contains("in order 1"));

		this.bot.answer(200);

		await().atMost(Duration.ofSeconds(20)).until(() -> texts().size() == 5);
		assertThat(texts()).containsExactly("in order 1", "in order 2", "in order 3", "in order 4", "in order 5");
	}

	@Test
	void aDeliveryThatFailsThroughTheWholeScheduleBecomesADeadLetterAndTheNextOneGoesOn() throws Exception {
		this.bot.answer(500);
		this.facebook.post(this.app.value(), this.secret, batch(PAGE, message(PAGE, "531", "m_d1", "doomed")));

		await().atMost(Duration.ofSeconds(20)).until(() -> "dead".equals(status("m_d1")));
		assertThat(this.bot.arrived()).isEqualTo(4);
		assertThat(attempts("m_d1")).containsExactly(500, 500, 500, 500);

		this.bot.answer(200);
		this.facebook.post(this.app.value(), this.secret, batch(PAGE, message(PAGE, "531", "m_d2", "next")));
		await().atMost(Duration.ofSeconds(20)).until(() -> "delivered".equals(status("m_d2")));
	}

	private List<String> texts() {
		return this.bot.events("messaging")
			.stream()
			.map((event) -> event.path("message").path("text").asString())
			.toList();
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

	private List<Integer> attempts(String mid) {
		return this.transactions
			.inTenantMany(this.acme.id(),
					(db) -> db
						.sql("SELECT a.status FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id"
								+ " WHERE d.mid = :mid ORDER BY a.attempt")
						.bind("mid", mid)
						.map((row) -> row.get("status", Integer.class))
						.all())
			.collectList()
			.block();
	}

}
