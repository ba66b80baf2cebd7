package io.baton.apps;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baton.graph.AppId;
import io.baton.graph.GraphClient;
import io.baton.graph.GraphFailure;
import io.baton.platform.BatonSettings;
import io.baton.secrets.Secret;
import io.baton.secrets.SecretBox;
import io.baton.tenancy.AuditLog;
import io.baton.tenancy.CurrentTenant;
import io.baton.platform.NotFound;
import io.baton.platform.Rejected;
import io.baton.tenancy.TenantId;
import io.baton.tenancy.TenantTransactions;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Service;

/**
 * Registering, reading, editing and deleting a tenant's Facebook apps. Registration
 * proves the id and secret against Graph, stores the secret encrypted, and sets the app's
 * page webhook subscription to Baton's callback URL, keeping Graph's answer.
 */
@Service
public class Apps {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final TenantTransactions transactions;

	private final GraphClient graph;

	private final SecretBox secrets;

	private final AuditLog auditLog;

	private final BatonSettings baton;

	private final WebhookSubscriptions webhooks;

	private final AppDirectory directory;

	private final BotEndpointPolicy endpoints;

	Apps(TenantTransactions transactions, GraphClient graph, SecretBox secrets, AuditLog auditLog, BatonSettings baton,
			WebhookSubscriptions webhooks, AppDirectory directory, BotEndpointPolicy endpoints) {
		this.webhooks = webhooks;
		this.directory = directory;
		this.endpoints = endpoints;
		this.transactions = transactions;
		this.graph = graph;
		this.secrets = secrets;
		this.auditLog = auditLog;
		this.baton = baton;
	}

	/**
	 * Registers the app and then sets its webhook subscription (whose outcome it
	 * records).
	 */
	public Mono<App> register(CurrentTenant current, String appIdText, String secretText) {
		current.requireMemberManagement();
		AppId app = AppId.parse(appIdText).orElse(null);
		if (app == null || secretText == null || secretText.isBlank()) {
			return Mono
				.error(new Rejected("Enter the app's id (digits) and its app secret, from the app's Basic settings."));
		}
		Secret secret = new Secret(secretText.strip());
		return this.graph.appToken(app, secret)
			.flatMap((token) -> this.graph.app(app, token, secret))
			.onErrorMap(GraphFailure.class,
					(failure) -> new Rejected("Facebook did not accept this app id and secret (Graph error "
							+ failure.code() + "): " + failure.getMessage()))
			.flatMap((graphApp) -> insert(current, app, graphApp.name(), secret))
			.then(Mono.fromRunnable(() -> this.directory.forget(app)))
			.then(subscribe(current, app))
			.then(find(current, app));
	}

	public Flux<App> list(CurrentTenant current) {
		return this.transactions.inTenantMany(current.id(),
				(db) -> db.sql(AppRows.LIST).bind("tenant", current.id().value()).map(this::app).all());
	}

	public Mono<App> find(CurrentTenant current, AppId app) {
		return find(current.id(), app);
	}

	/** The app, for background work acting for its tenant. */
	public Mono<App> find(TenantId tenant, AppId app) {
		return this.transactions
			.inTenant(tenant,
					(db) -> db.sql(AppRows.FIND)
						.bind("tenant", tenant.value())
						.bind("app", app.value())
						.map(this::app)
						.one())
			.switchIfEmpty(Mono.error(() -> new NotFound("No such app.")));
	}

	/**
	 * Sets the app's page webhook subscription to Baton's callback URL; Graph verifies
	 * the URL against Baton's handshake first. The outcome is stored either way.
	 */
	public Mono<App> subscribe(CurrentTenant current, AppId app) {
		current.requireMemberManagement();
		return subscribe(current.id(), app, current);
	}

	/** The same, done by Baton itself (the reconciler restoring a lost subscription). */
	public Mono<App> resubscribe(TenantId tenant, AppId app) {
		return subscribe(tenant, app, null);
	}

	private Mono<App> subscribe(TenantId tenant, AppId app, @Nullable CurrentTenant actor) {
		return find(tenant, app)
			.flatMap(
					(found) -> secret(tenant, app).flatMap((secret) -> this.webhooks.set(tenant, actor, found, secret)))
			.then(find(tenant, app));
	}

	/**
	 * Changes the bot endpoint and whether lost subscriptions are restored automatically.
	 */
	public Mono<App> update(CurrentTenant current, AppId app, String botEndpoint, boolean autoResubscribe) {
		current.requireMemberManagement();
		return this.endpoints.check(botEndpoint)
			.flatMap((endpoint) -> this.transactions.inTenant(current.id(), (db) -> {
				GenericExecuteSpec update = db.sql(AppRows.UPDATE_SETTINGS)
					.bind("auto", autoResubscribe)
					.bind("tenant", current.id().value())
					.bind("app", app.value());
				update = endpoint.isPresent() ? update.bind("endpoint", endpoint.get())
						: update.bindNull("endpoint", String.class);
				return update.fetch()
					.rowsUpdated()
					.flatMap((updated) -> (updated == 0) ? Mono.error(new NotFound("No such app."))
							: this.auditLog.record(current, "app.updated", app.value(),
									Map.of("botEndpoint", endpoint.orElse(""), "autoResubscribe", autoResubscribe)));
			}))
			.then(find(current, app));
	}

	/** Replaces the app secret after checking the new one against Graph. */
	public Mono<App> rotateSecret(CurrentTenant current, AppId app, String newSecretText) {
		current.requireMemberManagement();
		if (newSecretText == null || newSecretText.isBlank()) {
			return Mono.error(new Rejected("Enter the new app secret."));
		}
		Secret secret = new Secret(newSecretText.strip());
		return find(current, app).then(this.graph.appToken(app, secret))
			.onErrorMap(GraphFailure.class,
					(failure) -> new Rejected(
							"Facebook did not accept the new secret (Graph error " + failure.code() + ")."))
			.then(this.transactions.inTenant(current.id(),
					(db) -> db.sql(AppRows.UPDATE_SECRET)
						.bind("sealed", this.secrets.seal(secret, secretContext(app)))
						.bind("hint", secret.hint())
						.bind("tenant", current.id().value())
						.bind("app", app.value())
						.fetch()
						.rowsUpdated()
						.then(this.auditLog.record(current, "app.secret_rotated", app.value(), Map.of()))))
			.then(Mono.fromRunnable(() -> this.directory.forget(app)))
			.then(find(current, app));
	}

	/** Fails unless the app exists and {@code confirmation} is its id. */
	public Mono<Void> confirmDeletion(CurrentTenant current, AppId app, String confirmation) {
		current.requireMemberManagement();
		return find(current, app).filter((found) -> app.value().equals(confirmation.strip()))
			.switchIfEmpty(Mono.error(() -> new Rejected("Type the app id to confirm deletion.")))
			.then();
	}

	/**
	 * Deletes the app after removing its webhook subscription at Graph (best effort: a
	 * secret Facebook no longer accepts must not keep the app in Baton).
	 */
	public Mono<Void> delete(CurrentTenant current, AppId app, String confirmation) {
		current.requireMemberManagement();
		return secret(current, app).filter((secret) -> app.value().equals(confirmation.strip()))
			.switchIfEmpty(Mono.error(() -> new Rejected("Type the app id to confirm deletion.")))
			.flatMap((secret) -> this.graph.appToken(app, secret)
				.flatMap((token) -> this.graph.deleteAppSubscription(app, token, secret))
				.thenReturn("Webhook subscription removed at Facebook.")
				.onErrorResume(GraphFailure.class,
						(failure) -> Mono.just("Facebook refused to remove the subscription: " + failure.getMessage())))
			.flatMap((unsubscribed) -> this.transactions.inTenant(current.id(),
					(db) -> db.sql(AppRows.DELETE)
						.bind("tenant", current.id().value())
						.bind("app", app.value())
						.fetch()
						.rowsUpdated()
						.then(this.auditLog.record(current, "app.deleted", app.value(),
								Map.of("graph", unsubscribed)))))
			.then(Mono.fromRunnable(() -> this.directory.forget(app)));
	}

	/**
	 * The app's decrypted secret, for modules that call Graph or sign payloads for it.
	 */
	public Mono<Secret> secret(CurrentTenant current, AppId app) {
		return secret(current.id(), app);
	}

	/** The same for background work, which acts for a tenant but for no member. */
	public Mono<Secret> secret(TenantId tenant, AppId app) {
		return this.transactions
			.inTenant(tenant,
					(db) -> db.sql(AppRows.SECRET)
						.bind("tenant", tenant.value())
						.bind("app", app.value())
						.map((row) -> this.secrets.open(row.get("secret_sealed", String.class), secretContext(app)))
						.one())
			.switchIfEmpty(Mono.error(() -> new NotFound("No such app.")));
	}

	public String callbackUrl(AppId app) {
		return this.baton.link("/webhooks/" + app.value());
	}

	static String secretContext(AppId app) {
		return "app-secret:" + app.value();
	}

	private Mono<Void> insert(CurrentTenant current, AppId app, String name, Secret secret) {
		String verifyToken = newVerifyToken();
		return this.transactions
			.inTenant(current.id(),
					(db) -> db.sql(AppRows.INSERT)
						.bind("app", app.value())
						.bind("tenant", current.id().value())
						.bind("name", name.isBlank() ? "App " + app.value() : name)
						.bind("sealed", this.secrets.seal(secret, secretContext(app)))
						.bind("hint", secret.hint())
						.bind("verify", verifyToken)
						.fetch()
						.rowsUpdated()
						.then(this.auditLog.record(current, "app.registered", app.value(), Map.of("name", name))))
			.onErrorMap(DuplicateKeyException.class, (ex) -> new Rejected("App " + app.value()
					+ " is already registered with Baton. An app's webhooks can reach only one tenant: remove it"
					+ " there first, or ask its owner to invite you."));
	}

	private App app(Readable row) {
		return AppRows.app(row, callbackUrl(new AppId(row.get("app_id", String.class))));
	}

	private static String newVerifyToken() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
