package io.baton.apps;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcType;

import io.baton.graph.AppId;
import io.baton.graph.PageId;
import io.baton.tenancy.AuditLog;
import io.baton.tenancy.CurrentTenant;
import io.baton.platform.NotFound;
import io.baton.platform.Rejected;
import io.baton.tenancy.TenantId;
import io.baton.tenancy.TenantTransactions;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * The keys an app's bot presents to Baton's API: created and shown once, listed by
 * prefix, revoked; stored as SHA-256 hashes (the keys are 256 random bits, so a fast hash
 * is enough).
 */
@Service
public class ApiKeys {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** {@code bk_<prefix>_<secret>}: the prefix is public and unique, the rest secret. */
	private static final Pattern KEY_FORMAT = Pattern.compile("(bk_[A-Za-z0-9]{8})_[A-Za-z0-9]{43}");

	private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

	private final DatabaseClient database;

	private final Clock clock;

	private final TenantTransactions transactions;

	private final Apps apps;

	private final AuditLog auditLog;

	ApiKeys(DatabaseClient database, Clock clock, TenantTransactions transactions, Apps apps, AuditLog auditLog) {
		this.database = database;
		this.clock = clock;
		this.transactions = transactions;
		this.apps = apps;
		this.auditLog = auditLog;
	}

	public Mono<IssuedApiKey> create(CurrentTenant current, AppId app, String name) {
		return create(current, app, name, null);
	}

	/**
	 * A new key of the app; limited to {@code page} when given, so the bot API serves it
	 * only that page (and {@code me} is that page).
	 */
	public Mono<IssuedApiKey> create(CurrentTenant current, AppId app, String name, @Nullable PageId page) {
		current.requireMemberManagement();
		String cleanName = (name != null) ? name.strip() : "";
		String prefix = "bk_" + random(6);
		String value = prefix + "_" + random(32);
		UUID id = UUID.randomUUID();
		return this.apps.find(current, app)
			.filter((found) -> !cleanName.isEmpty() && cleanName.length() <= 80)
			.switchIfEmpty(Mono
				.error(() -> new Rejected("Name the key (up to 80 characters), e.g. after the bot that uses it.")))
			.then(this.transactions.inTenant(current.id(), (db) -> db.sql(ApiKeyRows.INSERT)
				.bind("id", id)
				.bind("tenant", current.id().value())
				.bind("app", app.value())
				.bind("page", Parameters.in(R2dbcType.VARCHAR, (page != null) ? page.value() : null))
				.bind("name", cleanName)
				.bind("prefix", prefix)
				.bind("hash", hash(value))
				.bind("by", current.userId().value())
				.map((row) -> row.get("created_at", Instant.class))
				.one()
				.flatMap((createdAt) -> this.auditLog
					.record(current, "api_key.created", app.value(), Map.of("prefix", prefix, "name", cleanName))
					.thenReturn(
							new IssuedApiKey(new ApiKey(id, cleanName, prefix, page, createdAt, null, null), value)))));
	}

	public Flux<ApiKey> list(CurrentTenant current, AppId app) {
		return this.transactions.inTenantMany(current.id(),
				(db) -> db.sql(ApiKeyRows.LIST)
					.bind("tenant", current.id().value())
					.bind("app", app.value())
					.map(ApiKeyRows::key)
					.all());
	}

	public Mono<Void> revoke(CurrentTenant current, AppId app, UUID keyId) {
		current.requireMemberManagement();
		return this.transactions.inTenant(current.id(),
				(db) -> db.sql(ApiKeyRows.REVOKE)
					.bind("tenant", current.id().value())
					.bind("app", app.value())
					.bind("id", keyId)
					.map((row) -> row.get("prefix", String.class))
					.one()
					.switchIfEmpty(Mono.error(() -> new NotFound("No such active key.")))
					.flatMap((prefix) -> this.auditLog.record(current, "api_key.revoked", app.value(),
							Map.of("prefix", prefix))));
	}

	/**
	 * The holder of the key presented, found by its prefix through the
	 * {@code api_key_directory} function and checked against its hash in constant time;
	 * empty for anything that is not a key of Baton's, {@link ApiKeyRevoked} for a
	 * revoked one. Notes the key's use, at most once a minute.
	 */
	public Mono<ApiKeyHolder> authenticate(String presented) {
		Matcher key = KEY_FORMAT.matcher(presented);
		if (!key.matches()) {
			return Mono.empty();
		}
		return this.database.sql(ApiKeyRows.BY_PREFIX)
			.bind("prefix", key.group(1))
			.map((row) -> new StoredKey(
					new ApiKeyHolder(row.get("id", UUID.class), key.group(1), row.get("name", String.class),
							new TenantId(row.get("tenant_id", UUID.class)), new AppId(row.get("app_id", String.class)),
							ApiKeyRows.page(row)),
					row.get("hash", byte[].class), row.get("last_used_at", Instant.class),
					row.get("revoked_at", Instant.class) != null))
			.one()
			.filter((stored) -> MessageDigest.isEqual(stored.hash(), hash(presented)))
			.flatMap((stored) -> stored.revoked() ? Mono.error(new ApiKeyRevoked()) : noteUse(stored));
	}

	private Mono<ApiKeyHolder> noteUse(StoredKey stored) {
		Instant now = this.clock.instant();
		if (stored.lastUsedAt() != null && stored.lastUsedAt().isAfter(now.minus(LAST_USED_PRECISION))) {
			return Mono.just(stored.holder());
		}
		return this.transactions
			.inTenant(stored.holder().tenant(),
					(db) -> db.sql(ApiKeyRows.NOTE_USE)
						.bind("now", now)
						.bind("tenant", stored.holder().tenant().value())
						.bind("id", stored.holder().keyId())
						.fetch()
						.rowsUpdated())
			.thenReturn(stored.holder());
	}

	static byte[] hash(String key) {
		return io.baton.platform.Digests.sha256(key);
	}

	private record StoredKey(ApiKeyHolder holder, byte[] hash, @Nullable Instant lastUsedAt, boolean revoked) {
	}

	private static String random(int bytes) {
		byte[] buffer = new byte[bytes];
		RANDOM.nextBytes(buffer);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer).replace('-', 'x').replace('_', 'y');
	}

}
