package io.baton.privacy;

import java.time.Instant;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.baton.tenancy.TenantId;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * What one module holds of a person, erased and exported by that module: privacy calls
 * every implementation inside the tenant's own transaction, so row-level security applies
 * and an erasure is whole or not at all.
 */
public interface PersonalData {

	/** What these records are called in an export and in the counts staff see. */
	String kind();

	/**
	 * Removes (or, where a record holds several people, rewrites) the person's records.
	 */
	Mono<Long> erase(DatabaseClient db, TenantId tenant, Person person);

	/**
	 * The person's records as JSON, for an export; an empty array when there are none.
	 */
	Mono<JsonNode> export(DatabaseClient db, TenantId tenant, Person person);

	/**
	 * When the oldest record this module keeps for the tenant was made, if it keeps any.
	 */
	default Mono<Instant> oldest(DatabaseClient db, TenantId tenant) {
		return Mono.empty();
	}

	/** Rows as a JSON array, column names as fields, times in ISO-8601. */
	static Mono<JsonNode> asJson(Flux<Map<String, Object>> rows) {
		return rows.collectList().map((list) -> Json.MAPPER.valueToTree(list));
	}

	/** The mapper the exports share. */
	final class Json {

		static final JsonMapper MAPPER = JsonMapper.builder().build();

		private Json() {
		}

	}

}
