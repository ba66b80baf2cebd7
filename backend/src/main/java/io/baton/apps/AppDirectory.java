package io.baton.apps;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.baton.graph.AppId;
import io.baton.secrets.Secret;
import io.baton.secrets.SecretBox;
import io.baton.tenancy.TenantId;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Finds an app's tenant from the app id alone, before any tenant is known (webhook
 * handshake and ingress), through the {@code app_directory} database function. Answers
 * are kept in memory for {@code baton.apps.directory-cache-for}, so a webhook for a busy
 * app, or a stranger repeating an unknown app id, costs no database round trip each time;
 * this process's own changes to an app take effect at once, another process's within that
 * time.
 */
@Component
public class AppDirectory {

	private final DatabaseClient database;

	private final SecretBox secrets;

	private final AppsSettings settings;

	private final Map<AppId, Answer> answers = new ConcurrentHashMap<>();

	AppDirectory(DatabaseClient database, SecretBox secrets, AppsSettings settings) {
		this.database = database;
		this.secrets = secrets;
		this.settings = settings;
	}

	/** The app's tenant and the secrets webhooks are checked with; empty when unknown. */
	public Mono<Entry> lookUp(AppId app) {
		Answer kept = this.answers.get(app);
		if (kept != null && kept.freshAt(System.nanoTime())) {
			return Mono.justOrEmpty(kept.entry());
		}
		return this.database.sql(AppRows.DIRECTORY)
			.bind("app", app.value())
			.map((row) -> new Entry(app, new TenantId(row.get("tenant_id", UUID.class)),
					row.get("verify_token", String.class), openSecret(app, row.get("secret_sealed", String.class))))
			.one()
			.doOnNext((entry) -> keep(app, entry))
			.doOnSuccess((entry) -> {
				if (entry == null) {
					keep(app, null);
				}
			});
	}

	/**
	 * Whether this app id was last found registered, so that looking it up again is not a
	 * stranger's guess; answers without touching the database.
	 */
	public boolean isKnown(AppId app) {
		Answer kept = this.answers.get(app);
		return kept != null && kept.entry() != null;
	}

	/** The app secret from its sealed form, as a directory function answers it. */
	public Secret openSecret(AppId app, String sealed) {
		return this.secrets.open(sealed, Apps.secretContext(app));
	}

	/** The app changed here: its next lookup asks the database again. */
	void forget(AppId app) {
		this.answers.computeIfPresent(app, (id, kept) -> kept.expired());
	}

	private void keep(AppId app, @Nullable Entry entry) {
		// Known apps are few; unknown ids are whatever strangers send, so they are kept
		// only while there is room.
		if (entry == null && this.answers.size() >= this.settings.directoryCacheSize()) {
			this.answers.remove(app);
			return;
		}
		this.answers.put(app, new Answer(entry, System.nanoTime() + this.settings.directoryCacheFor().toNanos()));
	}

	/** What webhook handling needs to know of an app. */
	public record Entry(AppId app, TenantId tenant, String verifyToken, Secret appSecret) {

		/** The handshake's check, in constant time. */
		public boolean verifies(String token) {
			return java.security.MessageDigest.isEqual(
					this.verifyToken.getBytes(java.nio.charset.StandardCharsets.UTF_8),
					token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}

	}

	/** One answer of the directory (an entry, or none) and until when it holds. */
	private record Answer(@Nullable Entry entry, long freshUntilNanos) {

		boolean freshAt(long nanos) {
			return nanos - this.freshUntilNanos < 0;
		}

		Answer expired() {
			return new Answer(this.entry, System.nanoTime() - Duration.ofSeconds(1).toNanos());
		}

	}

}
