package io.baton.sandbox.login;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.RandomTokens;
import io.baton.sandbox.SandboxSettings;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** Codes the dialog issues and the token endpoint redeems, each good once. */
@Component
@ConditionalOnSandbox
public class AuthorizationCodes {

	// One statement, so two concurrent exchanges of one code cannot both succeed: the
	// UPDATE re-checks used_at on the locked row.
	private static final String REDEEM = """
			WITH found AS (
			    SELECT code, app_id, user_id, redirect_uri, expires_at <= now() AS expired, used_at IS NOT NULL AS used
			    FROM sandbox.authorization_codes WHERE code = :code AND app_id = :app
			), claimed AS (
			    UPDATE sandbox.authorization_codes c SET used_at = now()
			    FROM found f
			    WHERE c.code = f.code AND c.used_at IS NULL AND NOT f.expired AND f.redirect_uri = :redirectUri
			    RETURNING c.code
			)
			SELECT f.user_id, f.expired, f.used, f.redirect_uri = :redirectUri AS same_redirect,
			       EXISTS (SELECT 1 FROM claimed) AS claimed
			FROM found f
			""";

	private final DatabaseClient database;

	private final SandboxSettings settings;

	AuthorizationCodes(DatabaseClient database, SandboxSettings settings) {
		this.database = database;
		this.settings = settings;
	}

	Mono<String> issue(String appId, String userId, String redirectUri) {
		String code = RandomTokens.next("AQ", 96);
		return this.database
			.sql("INSERT INTO sandbox.authorization_codes (code, app_id, user_id, redirect_uri, expires_at)"
					+ " VALUES (:code, :app, :user, :redirectUri, now() + make_interval(secs => :seconds))")
			.bind("code", code)
			.bind("app", appId)
			.bind("user", userId)
			.bind("redirectUri", redirectUri)
			.bind("seconds", (double) this.settings.codeValidity().toSeconds())
			.then()
			.thenReturn(code);
	}

	/** Uses up the code if it is this app's, fresh, unused and for this redirect URI. */
	public Mono<Redemption> redeem(String code, String appId, String redirectUri) {
		return this.database.sql(REDEEM)
			.bind("code", code)
			.bind("app", appId)
			.bind("redirectUri", redirectUri)
			.map(AuthorizationCodes::outcome)
			.one()
			.defaultIfEmpty(new Redemption.Unknown());
	}

	private static Redemption outcome(Readable row) {
		if (Boolean.TRUE.equals(row.get("used", Boolean.class))) {
			return new Redemption.AlreadyUsed();
		}
		if (Boolean.TRUE.equals(row.get("expired", Boolean.class))) {
			return new Redemption.Expired();
		}
		if (!Boolean.TRUE.equals(row.get("same_redirect", Boolean.class))) {
			return new Redemption.RedirectUriMismatch();
		}
		if (!Boolean.TRUE.equals(row.get("claimed", Boolean.class))) {
			return new Redemption.AlreadyUsed();
		}
		return new Redemption.Redeemed(row.get("user_id", String.class));
	}

}
