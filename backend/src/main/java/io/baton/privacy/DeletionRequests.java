package io.baton.privacy;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baton.graph.AppId;
import io.baton.tenancy.TenantId;

import org.springframework.r2dbc.core.DatabaseClient;

/** Rows of {@code data_deletion_requests}, and the public status function. */
final class DeletionRequests {

	private static final String RECORD = """
			INSERT INTO data_deletion_requests (code, tenant_id, app_id, user_digest, request_digest)
			VALUES (:code, :tenant, :app, :user, :request)
			ON CONFLICT (tenant_id, request_digest) DO UPDATE SET code = data_deletion_requests.code
			RETURNING code, status
			""";

	private static final String COMPLETE = """
			UPDATE data_deletion_requests
			   SET status = 'completed', completed_at = now(), contacts_erased = :contacts, records_erased = :records
			 WHERE code = :code AND status = 'received'
			""";

	private static final String OPEN = """
			SELECT code, user_digest FROM data_deletion_requests
			 WHERE tenant_id = :tenant AND status = 'received' ORDER BY received_at LIMIT 100
			""";

	private static final String RECENT = """
			SELECT r.code, r.app_id, a.name AS app_name, r.received_at, r.status, r.completed_at, r.contacts_erased,
			       r.records_erased
			  FROM data_deletion_requests r LEFT JOIN apps a ON a.app_id = r.app_id AND a.tenant_id = r.tenant_id
			 WHERE r.tenant_id = :tenant ORDER BY r.received_at DESC LIMIT 50
			""";

	private static final String STATUS = "SELECT status, received_at, completed_at FROM data_deletion_status(:code)";

	private DeletionRequests() {
	}

	/** Answers the request's code and whether it is still to be done. */
	static Mono<Recorded> record(DatabaseClient db, String code, TenantId tenant, AppId app, byte[] userDigest,
			byte[] requestDigest) {
		return db.sql(RECORD)
			.bind("code", code)
			.bind("tenant", tenant.value())
			.bind("app", app.value())
			.bind("user", userDigest)
			.bind("request", requestDigest)
			.map((row) -> new Recorded(row.get("code", String.class),
					"received".equals(row.get("status", String.class))))
			.one();
	}

	static Mono<Long> complete(DatabaseClient db, String code, long contacts, long records) {
		return db.sql(COMPLETE)
			.bind("code", code)
			.bind("contacts", (int) contacts)
			.bind("records", (int) records)
			.fetch()
			.rowsUpdated();
	}

	static Flux<Open> open(DatabaseClient db, TenantId tenant) {
		return db.sql(OPEN)
			.bind("tenant", tenant.value())
			.map((row) -> new Open(row.get("code", String.class), row.get("user_digest", byte[].class)))
			.all();
	}

	static Flux<DeletionRequest> recent(DatabaseClient db, TenantId tenant) {
		return db.sql(RECENT)
			.bind("tenant", tenant.value())
			.map((row) -> new DeletionRequest(row.get("code", String.class), new AppId(row.get("app_id", String.class)),
					nameOr(row.get("app_name", String.class), row.get("app_id", String.class)),
					row.get("received_at", Instant.class), row.get("status", String.class),
					row.get("completed_at", Instant.class), row.get("contacts_erased", Integer.class),
					row.get("records_erased", Integer.class)))
			.all();
	}

	static Mono<Optional<DeletionStatus>> status(DatabaseClient db, String code) {
		return db.sql(STATUS)
			.bind("code", code)
			.map((row) -> Optional.of(new DeletionStatus(row.get("status", String.class),
					row.get("received_at", Instant.class), row.get("completed_at", Instant.class))))
			.one()
			.defaultIfEmpty(Optional.empty());
	}

	private static String nameOr(@Nullable String name, String id) {
		return (name != null) ? name : "App " + id + " (deleted)";
	}

	record Recorded(String code, boolean toDo) {
	}

	record Open(String code, byte[] userDigest) {
	}

}
