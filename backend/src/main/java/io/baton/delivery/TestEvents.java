package io.baton.delivery;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.baton.graph.AppId;
import io.baton.platform.NotFound;
import io.baton.tenancy.AuditLog;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.TenantTransactions;

import org.springframework.stereotype.Service;

/**
 * A made-up message from a test person to an app's bot, queued through the same path as a
 * real one, so staff see the bot's answer in the log.
 */
@Service
public class TestEvents {

	static final String PAGE = "0";

	static final String PERSON = "test-person";

	private final TenantTransactions transactions;

	private final AuditLog auditLog;

	private final DeliveryWorkers workers;

	private final JsonMapper json;

	private final Clock clock;

	TestEvents(TenantTransactions transactions, AuditLog auditLog, DeliveryWorkers workers, JsonMapper json,
			Clock clock) {
		this.transactions = transactions;
		this.auditLog = auditLog;
		this.workers = workers;
		this.json = json;
		this.clock = clock;
	}

	/** Queues the test event; answers its delivery id. */
	public Mono<Long> send(CurrentTenant current, AppId app) {
		current.require(current.role().operates(), "send test events");
		String mid = "m_baton_test_" + UUID.randomUUID();
		byte[] payload = this.json.writeValueAsBytes(payload(mid, this.clock.millis()));
		return this.transactions
			.inTenant(current.id(),
					(db) -> db.sql(DeliveryRows.INSERT_TEST_EVENT)
						.bind("tenant", current.id().value())
						.bind("app", app.value())
						.bind("page", PAGE)
						.bind("psid", PERSON)
						.bind("mid", mid)
						.bind("payload", ByteBuffer.wrap(payload))
						.map((row) -> row.get("id", Long.class))
						.one()
						.switchIfEmpty(Mono.error(() -> new NotFound("No such app.")))
						.flatMap((id) -> this.auditLog
							.record(current, "delivery.test_event_sent", app.value(), Map.of("id", id))
							.thenReturn(id)))
			.doOnSuccess((id) -> this.workers.wakeUp());
	}

	/** A page webhook with one text message, as Facebook sends it. */
	private ObjectNode payload(String mid, long now) {
		ObjectNode body = this.json.createObjectNode().put("object", "page");
		ObjectNode entry = body.putArray("entry").addObject().put("id", PAGE).put("time", now);
		ObjectNode messaging = entry.putArray("messaging").addObject();
		messaging.putObject("sender").put("id", PERSON);
		messaging.putObject("recipient").put("id", PAGE);
		messaging.put("timestamp", now);
		messaging.putObject("message").put("mid", mid).put("text", "Test event from Baton");
		return body;
	}

}
