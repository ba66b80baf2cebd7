package io.baton.delivery;

import java.time.Duration;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.baton.graph.AppId;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.SignedInUser;
import io.baton.tenancy.TenantManagement;
import io.baton.testing.BatonTest;
import io.baton.testing.FacebookWebhooks;
import io.baton.testing.WebhookBodies;
import io.baton.testing.Fixtures;
import io.baton.testing.Staff;
import io.baton.testing.WebhookReceiver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A tenant knows its own app secret, so it can sign batches naming any page ids it likes:
 * those ids never become metric tags, and the number of series Baton keeps for an app
 * does not grow with them, at intake or at delivery.
 */
@BatonTest
class BoundedMetricsTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	TenantManagement tenants;

	@Autowired
	MeterRegistry meters;

	@Value("${baton.public-url}")
	String baseUrl;

	final WebhookReceiver bot = new WebhookReceiver();

	AppId app;

	String secret;

	@BeforeEach
	void anAppWhoseBotListens() {
		SignedInUser owner = Staff.signedIn(this.context, "Ada " + System.nanoTime());
		CurrentTenant acme = this.tenants.enter(owner, this.tenants.create(owner, "Acme").block()).block();
		this.app = Fixtures.anAppOf(this.context, acme, "66" + (System.nanoTime() % 10_000_000_000_000L));
		this.secret = "secret-of-" + this.app.value();
		Fixtures.botEndpointOf(this.context, acme, this.app, this.bot.url());
	}

	@AfterEach
	void closeTheBot() {
		this.bot.close();
	}

	@Test
	void manyMadeUpPageIdsDoNotGrowTheNumberOfSeries() throws Exception {
		FacebookWebhooks facebook = new FacebookWebhooks(this.baseUrl);
		assertThat(facebook.post(this.app.value(), this.secret, batchForPages(1, 0))).isEqualTo(200);
		await().atMost(Duration.ofSeconds(20)).until(() -> outcomesRecorded() == 1);
		long seriesBefore = seriesOfTheApp();

		assertThat(facebook.post(this.app.value(), this.secret, batchForPages(100, 1))).isEqualTo(200);

		await().atMost(Duration.ofSeconds(30)).until(() -> outcomesRecorded() == 101);
		assertThat(this.bot.deliveries()).hasSize(101);
		assertThat(seriesOfTheApp()).isEqualTo(seriesBefore);
		assertThat(this.meters.getMeters()).noneMatch((meter) -> meter.getId().getTag("page") != null);
	}

	private double outcomesRecorded() {
		return this.meters.find("baton.delivery.outcomes")
			.tag("app", this.app.value())
			.counters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

	private long seriesOfTheApp() {
		return this.meters.getMeters()
			.stream()
			.filter((meter) -> this.app.value().equals(meter.getId().getTag("app")))
			.count();
	}

	/** One message to each of {@code count} made-up pages. */
	private static String batchForPages(int count, int first) {
		ObjectNode batch = JsonNodeFactory.instance.objectNode().put("object", "page");
		ArrayNode entries = batch.putArray("entry");
		IntStream.range(first, first + count).forEach((i) -> {
			String page = "99" + (1_000_000 + i);
			entries.addObject()
				.put("id", page)
				.put("time", System.currentTimeMillis())
				.putArray("messaging")
				.add(WebhookBodies.message(page, "7" + i, "m_" + i, "hi " + i));
		});
		return batch.toString();
	}

}
