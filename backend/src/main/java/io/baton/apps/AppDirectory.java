package io.baton.apps;

import java.util.UUID;

import reactor.core.publisher.Mono;

import io.baton.graph.AppId;
import io.baton.secrets.Secret;
import io.baton.secrets.SecretBox;
import io.baton.tenancy.TenantId;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Finds an app's tenant from the app id alone, before any tenant is known (webhook
 * handshake and ingress), through the {@code app_directory} database function.
 */
@Component
public class AppDirectory {

	private final DatabaseClient database;

	private final SecretBox secrets;

	AppDirectory(DatabaseClient database, SecretBox secrets) {
		this.database = database;
		this.secrets = secrets;
	}

	/** The app's tenant and the secrets webhooks are checked with; empty when unknown. */
	public Mono<Entry> lookUp(AppId app) {
		return this.database.sql(AppRows.DIRECTORY)
			.bind("app", app.value())
			.map((row) -> new Entry(app, new TenantId(row.get("tenant_id", UUID.class)),
					row.get("verify_token", String.class), openSecret(app, row.get("secret_sealed", String.class))))
			.one();
	}

	/** The app secret from its sealed form, as a directory function answers it. */
	public Secret openSecret(AppId app, String sealed) {
		return this.secrets.open(sealed, Apps.secretContext(app));
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

}
