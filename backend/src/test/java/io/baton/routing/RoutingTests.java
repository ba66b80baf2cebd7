package io.baton.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import io.baton.graph.AppId;
import io.baton.secrets.SecretBox;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.SignedInUser;
import io.baton.tenancy.TenantManagement;
import io.baton.tenancy.TenantTransactions;
import io.baton.testing.BatonTest;
import io.baton.testing.FacebookWebhooks;
import io.baton.testing.Fixtures;
import io.baton.testing.Staff;
import io.baton.testing.WebhookBodies;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

import static io.baton.testing.WebhookBodies.batch;
import static io.baton.testing.WebhookBodies.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What routing keeps from the events, because Facebook offers no API to list it: contacts
 * and their 24-hour window, referrals, account linking, thread owners, notification
 * tokens (sealed); and what it drops: Facebook's duplicates.
 */
@BatonTest
class RoutingTests {

	static final String PAGE = "4600000000001";

	@Autowired
	ApplicationContext context;

	@Autowired
	TenantManagement tenants;

	@Autowired
	TenantTransactions transactions;

	@Autowired
	SecretBox secrets;

	@Value("${baton.public-url}")
	String baseUrl;

	FacebookWebhooks facebook;

	CurrentTenant acme;

	AppId app;

	String secret;

	@BeforeEach
	void anApp() {
		this.facebook = new FacebookWebhooks(this.baseUrl);
		SignedInUser owner = Staff.signedIn(this.context, "Ada " + System.nanoTime());
		this.acme = this.tenants.enter(owner, this.tenants.create(owner, "Acme").block()).block();
		this.app = Fixtures.anAppOf(this.context, this.acme, "79" + (System.nanoTime() % 10_000_000_000_000L));
		this.secret = "secret-of-" + this.app.value();
	}

	@Test
	void aPersonsFirstAndLastEventsAndTheirWindowAreKept() throws Exception {
		long start = System.currentTimeMillis() - 60_000;
		ObjectNode hi = event("701", start);
		hi.putObject("message").put("mid", "m_c1").put("text", "hi");
		post(hi, read("701", start + 10_000));

		await().atMost(Duration.ofSeconds(20)).until(() -> contact("701") != null);
		Map<String, Object> contact = contact("701");
		assertThat(instant(contact.get("first_seen_at"))).isEqualTo(Instant.ofEpochMilli(start));
		assertThat(instant(contact.get("last_seen_at"))).isEqualTo(Instant.ofEpochMilli(start + 10_000));
		assertThat(instant(contact.get("last_interaction_at"))).as("a read receipt does not open the window")
			.isEqualTo(Instant.ofEpochMilli(start));
	}

	@Test
	void referralsAccountLinkingAndThreadOwnersAreKept() throws Exception {
		long now = System.currentTimeMillis();
		ObjectNode referral = event("711", now - 3000);
		referral.putObject("referral").put("ref", "spring-sale").put("source", "SHORTLINK").put("type", "OPEN_THREAD");
		ObjectNode linking = event("711", now - 2000);
		linking.putObject("account_linking").put("status", "linked").put("authorization_code", "x");
		ObjectNode handover = event("711", now - 1000);
		handover.putObject("pass_thread_control")
			.put("previous_owner_app_id", "1")
			.put("new_owner_app_id", "263902037430900")
			.put("metadata", "to inbox");
		post(referral, linking, handover);

		await().atMost(Duration.ofSeconds(20)).until(() -> contact("711") != null);
		Map<String, Object> contact = contact("711");
		assertThat(contact.get("account_linking")).isEqualTo("linked");
		assertThat(contact.get("thread_owner_app_id")).isEqualTo("263902037430900");
		assertThat(instant(contact.get("last_interaction_at"))).as("a referral opens the window")
			.isEqualTo(Instant.ofEpochMilli(now - 3000));
		assertThat(column("SELECT ref FROM contact_referrals WHERE psid = '711'", "ref"))
			.containsExactly("spring-sale");
	}

	@Test
	void notificationTokensAreKeptSealedAndFollowStopAndResume() throws Exception {
		long now = System.currentTimeMillis();
		ObjectNode oneTime = event("721", now - 1000);
		oneTime.putObject("optin")
			.put("type", "one_time_notif_req")
			.put("payload", "back-in-stock")
			.put("one_time_notif_token", "otn-token-1");
		post(recurringOptIn(now - 2000), oneTime);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> column("SELECT kind FROM notification_tokens", "kind").size() == 2);

		ObjectNode stop = recurringOptIn(now);
		((ObjectNode) stop.get("optin")).put("notification_messages_status", "STOP_NOTIFICATIONS");
		post(stop);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> column("SELECT status FROM notification_tokens WHERE kind = 'recurring'", "status")
				.equals(List.of("stopped")));

		List<String> sealed = column("SELECT token_sealed FROM notification_tokens ORDER BY kind", "token_sealed");
		assertThat(sealed).noneMatch((value) -> value.contains("token-1"));
		assertThat(this.secrets.open(sealed.get(0), ContactFacts.tokenContext(PAGE)).value()).isEqualTo("otn-token-1");
		assertThat(column("SELECT frequency FROM notification_tokens WHERE kind = 'recurring'", "frequency"))
			.containsExactly("WEEKLY");
	}

	@Test
	void facebooksRetriesAndDuplicatesAreQueuedOnce() throws Exception {
		long now = System.currentTimeMillis();
		ObjectNode read = read("731", now);
		ObjectNode message = message(PAGE, "731", "m_dup", "once");
		post(message, read);
		post(message, read);
		post(read);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> column("SELECT count(*)::text AS n FROM webhook_batches WHERE routed_at IS NULL", "n")
				.equals(List.of("0"))
					&& column("SELECT count(*)::text AS n FROM webhook_batches", "n").equals(List.of("3")));
		assertThat(column("SELECT event_type FROM deliveries ORDER BY id", "event_type")).containsExactly("message",
				"read");
	}

	@Test
	void textPostgresCannotStoreDoesNotStopABatchFromBeingRouted() throws Exception {
		long now = System.currentTimeMillis();
		ObjectNode referral = event("741", now - 2000);
		referral.putObject("referral").put("ref", "sale\u0000\uD800end").put("source", "SHORTLINK");
		ObjectNode linking = event("741", now - 1000);
		linking.putObject("account_linking").put("status", "linked").put("authorization_code", "acct\u0000-7");
		post(referral, linking);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> column("SELECT count(*)::text AS n FROM webhook_batches WHERE routed_at IS NULL", "n")
				.equals(List.of("0")) && contact("741") != null);
		assertThat(column("SELECT ref FROM contact_referrals WHERE psid = '741'", "ref")).singleElement()
			.asString()
			.matches("sale.end");
		assertThat(column("SELECT linked_account FROM contacts WHERE psid = '741'", "linked_account"))
			.containsExactly("acct-7");
	}

	private void post(ObjectNode... events) throws Exception {
		assertThat(this.facebook.post(this.app.value(), this.secret, batch(PAGE, events))).isEqualTo(200);
	}

	private static ObjectNode event(String psid, long timestamp) {
		return WebhookBodies.event(PAGE, psid, timestamp);
	}

	private static ObjectNode read(String psid, long watermark) {
		ObjectNode read = event(psid, watermark);
		read.putObject("read").put("watermark", watermark);
		return read;
	}

	/** A person's opt-in to weekly restock alerts, its token valid for a day. */
	private static ObjectNode recurringOptIn(long timestamp) {
		ObjectNode optIn = event("721", timestamp);
		optIn.putObject("optin")
			.put("type", "notification_messages")
			.put("payload", "restock")
			.put("title", "Restock alerts")
			.put("notification_messages_token", "rn-token-1")
			.put("notification_messages_frequency", "WEEKLY")
			.put("notification_messages_timezone", "UTC")
			.put("token_expiry_timestamp", timestamp + 86_400_000L)
			.put("user_token_status", "NOT_REFRESHED");
		return optIn;
	}

	private Map<String, Object> contact(String psid) {
		return this.transactions
			.inTenant(this.acme.id(),
					(db) -> db.sql("SELECT * FROM contacts WHERE page_id = :page AND psid = :psid")
						.bind("page", PAGE)
						.bind("psid", psid)
						.fetch()
						.one())
			.block();
	}

	private static Instant instant(Object column) {
		return ((java.time.OffsetDateTime) column).toInstant();
	}

	private List<String> column(String sql, String column) {
		return this.transactions
			.inTenantMany(this.acme.id(),
					(db) -> db.sql(sql).map((row) -> String.valueOf(row.get(column, Object.class))).all())
			.collectList()
			.block();
	}

}
