package io.baton.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.baton.graph.AppId;
import io.baton.secrets.Secret;
import io.baton.secrets.SecretBox;
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
 * One tenant's broken app never holds up another tenant's deliveries (review finding H2):
 * a delivery whose app lost its bot endpoint, or whose secret cannot be opened, is that
 * delivery's own recorded outcome, while the other tenant's events all arrive, in order.
 */
@BatonTest
class DeliveryIsolationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	TenantManagement tenants;

	@Autowired
	TenantTransactions transactions;

	@Value("${baton.public-url}")
	String baseUrl;

	final WebhookReceiver brokenBot = new WebhookReceiver();

	final WebhookReceiver healthyBot = new WebhookReceiver();

	FacebookWebhooks facebook;

	Tenant broken;

	Tenant healthy;

	record Tenant(CurrentTenant tenant, AppId app, String page) {

		String secret() {
			return "secret-of-" + this.app.value();
		}

	}

	@BeforeEach
	void twoTenants() {
		this.facebook = new FacebookWebhooks(this.baseUrl);
		this.broken = aTenant("Broken", this.brokenBot);
		this.healthy = aTenant("Healthy", this.healthyBot);
	}

	@AfterEach
	void closeTheBotsAndMendTheSecret() {
		this.brokenBot.close();
		this.healthyBot.close();
		// Key rotation (KeyRotationTests) re-seals every tenant's secrets in this shared
		// database, so none may stay unopenable.
		String sealed = this.context.getBean(SecretBox.class)
			.seal(new Secret(this.broken.secret()), "app-secret:" + this.broken.app().value());
		update("UPDATE apps SET secret_sealed = '" + sealed + "' WHERE app_id = '" + this.broken.app().value() + "'");
	}

	@Test
	void clearingAnEndpointWithDeliveriesPendingSkipsThemAndStallsNobodyElse() throws Exception {
		breakWhileDeliveriesArePending(
				() -> update("UPDATE apps SET bot_endpoint = NULL WHERE app_id = '" + this.broken.app().value() + "'"));

		theHealthyTenantsEventsAllArriveInOrder();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(brokenStatuses().keySet()).as("dead before the endpoint went, or skipped")
				.contains("skipped: The app has no bot endpoint")
				.allMatch((status) -> status.equals("skipped: The app has no bot endpoint")
						|| status.equals("dead: The bot answered 500")));
	}

	@Test
	void aSecretThatCannotBeOpenedFailsItsOwnDeliveriesAndStallsNobodyElse() throws Exception {
		breakWhileDeliveriesArePending(() -> update("UPDATE apps SET secret_sealed = 'v1:k0:not-a-sealed-value'"
				+ " WHERE app_id = '" + this.broken.app().value() + "'"));

		theHealthyTenantsEventsAllArriveInOrder();
		String noSecret = "The app secret cannot be opened (is its encryption key configured?)";
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(brokenStatuses().keySet()).as("dead before the secret went, or refused")
				.anyMatch((status) -> status.endsWith(noSecret))
				.allMatch((status) -> status.endsWith(noSecret) || status.equals("dead: The bot answered 500")));
	}

	/**
	 * The broken tenant's bot fails, so its deliveries wait for retries; then it breaks.
	 */
	private void breakWhileDeliveriesArePending(Runnable breakIt) throws Exception {
		this.brokenBot.answer(500);
		for (int person = 0; person < 20; person++) {
			post(this.broken, "61" + person, "m_broken_" + person);
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> this.brokenBot.arrived() >= 20);
		breakIt.run();
	}

	private void theHealthyTenantsEventsAllArriveInOrder() throws Exception {
		for (int i = 0; i < 10; i++) {
			for (String person : List.of("701", "702", "703")) {
				post(this.healthy, person, "m_" + person + "_" + i);
			}
		}
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.healthyBot.events("messaging")).hasSize(30));
		Map<String, List<String>> byPerson = this.healthyBot.events("messaging")
			.stream()
			.collect(Collectors.groupingBy((JsonNode event) -> event.path("sender").path("id").asString(),
					Collectors.mapping((event) -> event.path("message").path("mid").asString(), Collectors.toList())));
		assertThat(byPerson).hasSize(3)
			.allSatisfy((person,
					mids) -> assertThat(mids).containsExactly(java.util.stream.IntStream.range(0, 10)
						.mapToObj((i) -> "m_" + person + "_" + i)
						.toArray(String[]::new)));
	}

	private void post(Tenant to, String psid, String mid) throws Exception {
		assertThat(this.facebook.post(to.app().value(), to.secret(),
				batch(to.page(), message(to.page(), psid, mid, "hello " + mid))))
			.isEqualTo(200);
	}

	private Tenant aTenant(String name, WebhookReceiver bot) {
		SignedInUser owner = Staff.signedIn(this.context, name + " " + System.nanoTime());
		CurrentTenant tenant = this.tenants.enter(owner, this.tenants.create(owner, name).block()).block();
		AppId app = Fixtures.anAppOf(this.context, tenant, "75" + (System.nanoTime() % 10_000_000_000_000L));
		Fixtures.botEndpointOf(this.context, tenant, app, bot.url());
		return new Tenant(tenant, app, "43" + (System.nanoTime() % 10_000_000_000_000L));
	}

	private void update(String sql) {
		this.transactions.inTenant(this.broken.tenant().id(), (db) -> db.sql(sql).fetch().rowsUpdated()).block();
	}

	/** The broken tenant's deliveries by status and last error. */
	private Map<String, Long> brokenStatuses() {
		return this.transactions
			.inTenant(this.broken.tenant().id(),
					(db) -> db
						.sql("SELECT status || ': ' || coalesce(last_error, '') AS s, count(*) AS n"
								+ " FROM deliveries WHERE app_id = :app GROUP BY 1")
						.bind("app", this.broken.app().value())
						.map((row) -> Map.entry(row.get("s", String.class), row.get("n", Long.class)))
						.all()
						.collectMap(Map.Entry::getKey, Map.Entry::getValue))
			.block();
	}

}
