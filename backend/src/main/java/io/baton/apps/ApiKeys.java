package io.baton.apps;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baton.graph.AppId;
import io.baton.tenancy.AuditLog;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.NotFound;
import io.baton.tenancy.Rejected;
import io.baton.tenancy.TenantTransactions;

import org.springframework.stereotype.Service;

/**
 * The keys an app's bot presents to Baton's API: created and shown once, listed by
 * prefix, revoked; stored as SHA-256 hashes (the keys are 256 random bits, so a fast hash
 * is enough).
 */
@Service
public class ApiKeys {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final TenantTransactions transactions;

	private final Apps apps;

	private final AuditLog auditLog;

	ApiKeys(TenantTransactions transactions, Apps apps, AuditLog auditLog) {
		this.transactions = transactions;
		this.apps = apps;
		this.auditLog = auditLog;
	}

	public Mono<IssuedApiKey> create(CurrentTenant current, AppId app, String name) {
		current.requireMemberManagement();
		String cleanName = (name != null) ? name.strip() : "";
		String prefix = "bk_" + random(6);
		String value = prefix + "_" + random(32);
		UUID id = UUID.randomUUID();
		return this.apps.find(current, app)
			.filter((found) -> !cleanName.isEmpty() && cleanName.length() <= 80)
			.switchIfEmpty(Mono
				.error(() -> new Rejected("Name the key (up to 80 characters), e.g. after the bot that uses it.")))
			.then(this.transactions.inTenant(current.id(), (db) -> db
				.sql("INSERT INTO api_keys (id, tenant_id, app_id, name, prefix, hash, created_by)"
						+ " VALUES (:id, :tenant, :app, :name, :prefix, :hash, :by) RETURNING created_at")
				.bind("id", id)
				.bind("tenant", current.id().value())
				.bind("app", app.value())
				.bind("name", cleanName)
				.bind("prefix", prefix)
				.bind("hash", hash(value))
				.bind("by", current.userId().value())
				.map((row) -> row.get("created_at", Instant.class))
				.one()
				.flatMap((createdAt) -> this.auditLog
					.record(current, "api_key.created", app.value(), Map.of("prefix", prefix, "name", cleanName))
					.thenReturn(new IssuedApiKey(new ApiKey(id, cleanName, prefix, createdAt, null, null), value)))));
	}

	public Flux<ApiKey> list(CurrentTenant current, AppId app) {
		return this.transactions.inTenantMany(current.id(),
				(db) -> db
					.sql("SELECT id, name, prefix, created_at, last_used_at, revoked_at FROM api_keys"
							+ " WHERE tenant_id = :tenant AND app_id = :app ORDER BY created_at DESC")
					.bind("tenant", current.id().value())
					.bind("app", app.value())
					.map((row) -> new ApiKey(row.get("id", UUID.class), row.get("name", String.class),
							row.get("prefix", String.class), row.get("created_at", Instant.class),
							row.get("last_used_at", Instant.class), row.get("revoked_at", Instant.class)))
					.all());
	}

	public Mono<Void> revoke(CurrentTenant current, AppId app, UUID keyId) {
		current.requireMemberManagement();
		return this.transactions.inTenant(current.id(), (db) -> db
			.sql("UPDATE api_keys SET revoked_at = now() WHERE tenant_id = :tenant AND app_id = :app AND id = :id"
					+ " AND revoked_at IS NULL RETURNING prefix")
			.bind("tenant", current.id().value())
			.bind("app", app.value())
			.bind("id", keyId)
			.map((row) -> row.get("prefix", String.class))
			.one()
			.switchIfEmpty(Mono.error(() -> new NotFound("No such active key.")))
			.flatMap((prefix) -> this.auditLog.record(current, "api_key.revoked", app.value(),
					Map.of("prefix", prefix))));
	}

	static byte[] hash(String key) {
		return io.baton.platform.Digests.sha256(key);
	}

	private static String random(int bytes) {
		byte[] buffer = new byte[bytes];
		RANDOM.nextBytes(buffer);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer).replace('-', 'x').replace('_', 'y');
	}

}
