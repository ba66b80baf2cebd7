package io.baton.ingress;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Flux;
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
 * A person's events in the raw webhook batches (kept for the retention period). A batch
 * may carry several people's events, so erasure rewrites the batch without theirs; the
 * rest of the batch, routed or not, stays as it was.
 */
@Component
class BatchRecords implements PersonalData {

	private static final String MENTIONING = """
			SELECT id, received_at, body FROM webhook_batches
			 WHERE tenant_id = :tenant AND position(:needle IN body) > 0
			 ORDER BY received_at, id
			""";

	private static final String REWRITE = """
			UPDATE webhook_batches SET body = :body WHERE tenant_id = :tenant AND id = :id AND received_at = :at
			""";

	private static final List<String> EVENT_FIELDS = List.of("messaging", "standby");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	public String kind() {
		return "webhookEvents";
	}

	@Override
	public Mono<Long> erase(DatabaseClient db, TenantId tenant, Person person) {
		return mentioning(db, tenant, person).concatMap((batch) -> {
			ArrayNode removed = JsonNodeFactory.instance.arrayNode();
			JsonNode rest = without(batch.body(), person, removed);
			if (removed.isEmpty()) {
				return Mono.just(0L);
			}
			return db.sql(REWRITE)
				.bind("body", JSON.writeValueAsBytes(rest))
				.bind("tenant", tenant.value())
				.bind("id", batch.id())
				.bind("at", batch.receivedAt())
				.fetch()
				.rowsUpdated()
				.thenReturn((long) removed.size());
		}).reduce(0L, Long::sum);
	}

	@Override
	public Mono<JsonNode> export(DatabaseClient db, TenantId tenant, Person person) {
		ArrayNode events = JsonNodeFactory.instance.arrayNode();
		return mentioning(db, tenant, person).doOnNext((batch) -> without(batch.body(), person, events))
			.then(Mono.fromSupplier(() -> events));
	}

	@Override
	public Mono<Instant> oldest(DatabaseClient db, TenantId tenant) {
		return db.sql("SELECT min(received_at) AS oldest FROM webhook_batches WHERE tenant_id = :tenant")
			.bind("tenant", tenant.value())
			.map((row) -> Optional.ofNullable(row.get("oldest", Instant.class)))
			.one()
			.flatMap(Mono::justOrEmpty);
	}

	private Flux<Batch> mentioning(DatabaseClient db, TenantId tenant, Person person) {
		return db.sql(MENTIONING)
			.bind("tenant", tenant.value())
			.bind("needle", ("\"" + person.psid() + "\"").getBytes(StandardCharsets.UTF_8))
			.map((row) -> new Batch(row.get("id", Long.class), row.get("received_at", Instant.class),
					row.get("body", byte[].class)))
			.all()
			.concatMap((batch) -> parsed(batch));
	}

	private static Mono<Batch> parsed(Batch batch) {
		try {
			return Mono.just(batch.withTree(JSON.readTree(batch.raw())));
		}
		catch (JacksonException ex) {
			return Mono.empty();
		}
	}

	/**
	 * The batch without the person's events on that page; what it took out goes to
	 * {@code removed}.
	 */
	static JsonNode without(JsonNode batch, Person person, ArrayNode removed) {
		JsonNode copy = batch.deepCopy();
		for (JsonNode entry : copy.path("entry")) {
			if (!(entry instanceof ObjectNode entryObject)
					|| !person.page().value().equals(entry.path("id").asString(""))) {
				continue;
			}
			for (String field : EVENT_FIELDS) {
				JsonNode events = entry.path(field);
				if (!events.isArray()) {
					continue;
				}
				ArrayNode kept = JsonNodeFactory.instance.arrayNode();
				for (JsonNode event : events) {
					if (concerns(event, person)) {
						removed.add(event);
					}
					else {
						kept.add(event);
					}
				}
				entryObject.set(field, kept);
			}
		}
		return copy;
	}

	private static boolean concerns(JsonNode event, Person person) {
		return person.psid().equals(event.path("sender").path("id").asString(""))
				|| person.psid().equals(event.path("recipient").path("id").asString(""));
	}

	private record Batch(long id, Instant receivedAt, byte[] raw, JsonNode body) {

		Batch(long id, Instant receivedAt, byte[] raw) {
			this(id, receivedAt, raw, JsonNodeFactory.instance.nullNode());
		}

		Batch withTree(JsonNode tree) {
			return new Batch(this.id, this.receivedAt, this.raw, tree);
		}

	}

}
