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

	private final DatabaseClient database;

	private final SandboxSettings settings;

	AuthorizationCodes(DatabaseClient database, SandboxSettings settings) {
		this.database = database;
		this.settings = settings;
	}

	Mono<String> issue(String appId, String userId, String redirectUri) {
		String code = RandomTokens.next("AQ", 96);
		return this.database.sql(LoginRows.INSERT_CODE)
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
		return this.database.sql(LoginRows.REDEEM_CODE)
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
