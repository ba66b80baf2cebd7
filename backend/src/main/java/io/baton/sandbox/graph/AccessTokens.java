package io.baton.sandbox.graph;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.RandomTokens;
import io.baton.sandbox.SandboxSettings;
import io.baton.sandbox.accounts.SandboxApp;
import io.baton.sandbox.accounts.SandboxApps;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Every access token the sandbox issues is stored, so that it can expire and be
 * invalidated like Facebook's; {@code {app-id}|{app-secret}} is accepted as an app token
 * too.
 */
@Component
@ConditionalOnSandbox
public class AccessTokens {

	private final DatabaseClient database;

	private final SandboxApps apps;

	private final SandboxSettings settings;

	AccessTokens(DatabaseClient database, SandboxApps apps, SandboxSettings settings) {
		this.database = database;
		this.apps = apps;
		this.settings = settings;
	}

	/** A short-lived user token, as a code exchange gives. */
	Mono<Map<String, Object>> issueShortLived(String appId, String userId) {
		return issueUser(appId, userId, false, this.settings.shortLivedTokenValidity());
	}

	/**
	 * A long-lived user token handed out by the console, like Facebook's test-user
	 * tokens.
	 */
	public Mono<String> issueLongLivedToken(String appId, String userId) {
		return issueLongLived(appId, userId).map((response) -> (String) response.get("access_token"));
	}

	/** A long-lived user token, as {@code fb_exchange_token} gives. */
	Mono<Map<String, Object>> issueLongLived(String appId, String userId) {
		return issueUser(appId, userId, true, this.settings.longLivedTokenValidity());
	}

	Mono<Map<String, Object>> issueApp(String appId) {
		String token = appId + "|" + RandomTokens.next("", 27);
		return this.database.sql(TokenRows.INSERT_APP_TOKEN)
			.bind("token", token)
			.bind("app", appId)
			.then()
			.thenReturn(response(token, null));
	}

	/**
	 * A page token for the person's page, as {@code /me/accounts} hands out: it does not
	 * expire, but dies with the person's role, grant or password.
	 */
	public Mono<String> issuePage(String appId, String userId, String pageId) {
		String token = RandomTokens.next("EAAP", 160);
		return this.database.sql(TokenRows.INSERT_PAGE_TOKEN)
			.bind("token", token)
			.bind("app", appId)
			.bind("user", userId)
			.bind("page", pageId)
			.then()
			.thenReturn(token);
	}

	/**
	 * What the sandbox knows of a stored token, valid or not (empty for an unknown one or
	 * {@code {app-id}|{app-secret}}).
	 */
	Mono<TokenFacts> facts(String token) {
		return this.database.sql(TokenRows.FACTS)
			.bind("token", token)
			.map((row) -> new TokenFacts(row.get("kind", String.class), row.get("app_id", String.class),
					row.get("user_id", String.class), row.get("page_id", String.class),
					row.get("issued_at", OffsetDateTime.class), row.get("expires_at", OffsetDateTime.class),
					row.get("last_sign_in", OffsetDateTime.class)))
			.one();
	}

	/** The caller the token speaks for, or a {@link GraphError} (190) why not. */
	public Mono<Caller> check(String token) {
		return this.database.sql(TokenRows.CHECK)
			.bind("token", token)
			.map((row) -> stored(row))
			.one()
			.flatMap((stored) -> valid(token, stored))
			.switchIfEmpty(Mono.defer(() -> appIdAndSecret(token)))
			.switchIfEmpty(Mono.error(GraphError::invalidToken));
	}

	/**
	 * The live page token of this app, person and page, or a new one:
	 * {@code /me/accounts} hands out the same token on every call while it lives.
	 */
	public Mono<String> pageToken(String appId, String userId, String pageId) {
		return this.database.sql(TokenRows.LIVE_PAGE_TOKEN)
			.bind("app", appId)
			.bind("user", userId)
			.bind("page", pageId)
			.map((row) -> row.get("token", String.class))
			.one()
			.switchIfEmpty(Mono.defer(() -> issuePage(appId, userId, pageId)));
	}

	private Mono<Map<String, Object>> issueUser(String appId, String userId, boolean longLived, Duration validity) {
		String token = RandomTokens.next("EAAS", 160);
		return this.database.sql(TokenRows.INSERT_USER_TOKEN)
			.bind("token", token)
			.bind("app", appId)
			.bind("user", userId)
			.bind("longLived", longLived)
			.bind("seconds", (double) validity.toSeconds())
			.then()
			.thenReturn(response(token, validity.toSeconds()));
	}

	private Mono<Caller> valid(String token, StoredToken stored) {
		if (stored.invalidatedReason() != null) {
			return Mono.error(invalidated(stored));
		}
		if (stored.expiresAt() != null && !stored.expiresAt().isAfter(stored.now())) {
			return Mono.error(GraphError.expiredToken(stored.expiresAt().toInstant(), stored.now().toInstant()));
		}
		return this.apps.find(stored.appId()).map((app) -> new Caller(token, app, stored.userId(), stored.pageId()));
	}

	private Mono<Caller> appIdAndSecret(String token) {
		int bar = token.indexOf('|');
		if (bar <= 0) {
			return Mono.empty();
		}
		return this.apps.find(token.substring(0, bar))
			.filter((SandboxApp app) -> app.secretMatches(token.substring(bar + 1)))
			.map((app) -> new Caller(token, app, null, null));
	}

	/** Facebook's answer for a token that was ended, by why it was ended. */
	private static GraphError invalidated(StoredToken stored) {
		return switch (stored.invalidatedReason()) {
			case "deauthorized" -> GraphError.deauthorized(stored.appId());
			case "expired" -> GraphError.expiredToken(stored.now().toInstant(), stored.now().toInstant());
			case "role_lost" -> GraphError.roleLost();
			case "permission_revoked" -> GraphError.permissionRevoked();
			default -> GraphError.sessionInvalidated();
		};
	}

	private static StoredToken stored(Readable row) {
		return new StoredToken(row.get("app_id", String.class), row.get("user_id", String.class),
				row.get("page_id", String.class), row.get("expires_at", OffsetDateTime.class),
				row.get("invalidated_reason", String.class), row.get("now", OffsetDateTime.class));
	}

	private static Map<String, Object> response(String token, @Nullable Long expiresIn) {
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("access_token", token);
		response.put("token_type", "bearer");
		if (expiresIn != null) {
			response.put("expires_in", expiresIn);
		}
		return response;
	}

	/** A stored token as {@code debug_token} describes it. */
	record TokenFacts(String kind, String appId, @Nullable String userId, @Nullable String pageId,
			OffsetDateTime issuedAt, @Nullable OffsetDateTime expiresAt, @Nullable OffsetDateTime lastSignIn) {

	}

	private record StoredToken(String appId, @Nullable String userId, @Nullable String pageId,
			@Nullable OffsetDateTime expiresAt, @Nullable String invalidatedReason, OffsetDateTime now) {

	}

}
