package io.baton.delivery;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.baton.privacy.Person;
import io.baton.privacy.PersonalData;
import io.baton.tenancy.TenantId;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * A person's deliveries (each holds one of their events) and every attempt's answer, for
 * erasure and export. Pending ones are erased too: the person asked to be forgotten.
 */
@Component
class DeliveryRecords implements PersonalData {

	private static final String ERASE_ATTEMPTS = """
			DELETE FROM delivery_attempts a USING deliveries d
			 WHERE a.tenant_id = :tenant AND d.tenant_id = :tenant AND a.delivery_id = d.id
			   AND d.page_id = :page AND d.psid = :psid
			""";

	private static final String ERASE_DELIVERIES = """
			DELETE FROM deliveries WHERE tenant_id = :tenant AND page_id = :page AND psid = :psid
			""";

	private static final String DELIVERIES = """
			SELECT id, app_id, field, event_type, mid, event_at, status, attempts, created_at, delivered_at, payload
			  FROM deliveries WHERE tenant_id = :tenant AND page_id = :page AND psid = :psid ORDER BY id
			""";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	public String kind() {
		return "deliveries";
	}

	@Override
	public Mono<Long> erase(DatabaseClient db, TenantId tenant, Person person) {
		return person.bind(db.sql(ERASE_ATTEMPTS), tenant)
			.fetch()
			.rowsUpdated()
			.flatMap((attempts) -> person.bind(db.sql(ERASE_DELIVERIES), tenant)
				.fetch()
				.rowsUpdated()
				.map((deliveries) -> attempts + deliveries));
	}

	@Override
	public Mono<JsonNode> export(DatabaseClient db, TenantId tenant, Person person) {
		return person.bind(db.sql(DELIVERIES), tenant).map((row) -> {
			ObjectNode delivery = JsonNodeFactory.instance.objectNode();
			delivery.put("id", row.get("id", Long.class));
			delivery.put("appId", row.get("app_id", String.class));
			delivery.put("field", row.get("field", String.class));
			delivery.put("eventType", row.get("event_type", String.class));
			delivery.put("mid", row.get("mid", String.class));
			delivery.put("eventAt", text(row.get("event_at", Instant.class)));
			delivery.put("status", row.get("status", String.class));
			delivery.put("attempts", row.get("attempts", Integer.class));
			delivery.put("createdAt", text(row.get("created_at", Instant.class)));
			delivery.put("deliveredAt", text(row.get("delivered_at", Instant.class)));
			delivery.set("event", event(row.get("payload", byte[].class)));
			return (JsonNode) delivery;
		}).all().collectList().map((list) -> {
			ArrayNode array = JsonNodeFactory.instance.arrayNode();
			list.forEach(array::add);
			return array;
		});
	}

	private static JsonNode event(byte[] payload) {
		try {
			return JSON.readTree(payload);
		}
		catch (JacksonException ex) {
			return JsonNodeFactory.instance.stringNode(new String(payload, java.nio.charset.StandardCharsets.UTF_8));
		}
	}

	private static @Nullable String text(@Nullable Instant at) {
		return (at != null) ? at.toString() : null;
	}

}
