package io.baton.tenancy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.baton.platform.Filters;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;

/**
 * Each tenant's record of who did what. Entries are written in the same transaction as
 * the change they describe, so a change without its entry cannot commit.
 */
@Component
public class AuditLog {

	private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
	};

	private final DatabaseClient database;

	private final TenantTransactions transactions;

	private final JsonMapper json;

	AuditLog(DatabaseClient database, TenantTransactions transactions, JsonMapper json) {
		this.database = database;
		this.transactions = transactions;
		this.json = json;
	}

	/**
	 * Records an action of the current member; call it inside that tenant's transaction.
	 */
	public Mono<Void> record(CurrentTenant actor, String action, String target, Map<String, ?> details) {
		return record(actor.id(), actor.userId(), actor.userName(), action, target, details);
	}

	/** Records something Baton itself did or found (a scheduled check), not a member. */
	public Mono<Void> recordBySystem(TenantId tenant, String action, String target, Map<String, ?> details) {
		return record(tenant, null, "Baton", action, target, details);
	}

	/** Records an action of someone who is not a member: a bot acting with an API key. */
	public Mono<Void> recordAs(TenantId tenant, String actorName, String action, String target,
			Map<String, ?> details) {
		return record(tenant, null, actorName, action, target, details);
	}

	Mono<Void> record(TenantId tenant, @Nullable UserId actorId, String actorName, String action, String target,
			Map<String, ?> details) {
		return this.transactions.inTenant(tenant, (db) -> {
			GenericExecuteSpec insert = db.sql(AuditRows.INSERT).bind("tenant", tenant.value());
			insert = (actorId != null) ? insert.bind("actorId", actorId.value())
					: insert.bindNull("actorId", UUID.class);
			return insert.bind("actorName", actorName)
				.bind("action", action)
				.bind("target", target)
				.bind("details", Json.of(this.json.writeValueAsString(details)))
				.fetch()
				.rowsUpdated()
				.then();
		});
	}

	/** One page of entries matching the query, newest first. */
	public Flux<AuditEntry> search(CurrentTenant reader, AuditQuery query) {
		reader.require(reader.role().readsAuditLog(), "read the audit log");
		return this.transactions.inTenantMany(reader.id(), (db) -> select(db, reader.id(), query));
	}

	/** The distinct action names in the log, for the filter's choices. */
	public Flux<String> actions(CurrentTenant reader) {
		reader.require(reader.role().readsAuditLog(), "read the audit log");
		return this.transactions.inTenantMany(reader.id(),
				(db) -> db.sql(AuditRows.ACTIONS)
					.bind("tenant", reader.id().value())
					.map((row) -> row.get("action", String.class))
					.all());
	}

	private Flux<AuditEntry> select(DatabaseClient db, TenantId tenant, AuditQuery query) {
		Filters filters = Filters.where("tenant_id = :tenant", "tenant", tenant.value())
			.and("action = :action", "action", query.action())
			.andContains("actor_name", "actor", query.actor())
			.and("at >= :from", "from", query.from())
			.and("at < :until", "until", query.until())
			.and("id < :before", "before", query.before());
		GenericExecuteSpec spec = filters.bind(db.sql(AuditRows.SEARCH.formatted(filters.clause())))
			.bind("limit", AuditQuery.PAGE_SIZE);
		return spec.map((row) -> new AuditEntry(row.get("id", Long.class), row.get("at", Instant.class),
				row.get("actor_name", String.class), row.get("action", String.class), row.get("target", String.class),
				this.json.readValue(row.get("details", Json.class).asString(), DETAILS)))
			.all();
	}

}
