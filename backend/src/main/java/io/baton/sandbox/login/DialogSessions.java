package io.baton.sandbox.login;

import java.time.Duration;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.RandomTokens;
import io.baton.sandbox.SandboxSettings;
import io.baton.sandbox.accounts.SandboxUser;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who is signed in to the sandbox's "Facebook": an opaque random id in the cookie
 * {@value #COOKIE} (path {@code /sandbox}), mapped to a person in
 * {@code sandbox.dialog_sessions}. Baton's own session is never read or written.
 */
@Component
@ConditionalOnSandbox
class DialogSessions {

	static final String COOKIE = "sandbox_fb_user";

	private static final String PATH = "/sandbox";

	private final DatabaseClient database;

	private final Duration validity;

	DialogSessions(DatabaseClient database, SandboxSettings settings) {
		this.database = database;
		this.validity = settings.dialogSessionValidity();
	}

	Mono<SandboxUser> current(ServerWebExchange exchange) {
		HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
		if (cookie == null || cookie.getValue().isEmpty()) {
			return Mono.empty();
		}
		return this.database.sql(LoginRows.SESSION_USER)
			.bind("id", cookie.getValue())
			.map((row) -> new SandboxUser(row.get("id", String.class), row.get("name", String.class)))
			.one();
	}

	Mono<Void> signIn(ServerWebExchange exchange, SandboxUser user) {
		String id = RandomTokens.next("", 43);
		return this.database.sql(LoginRows.INSERT_SESSION)
			.bind("id", id)
			.bind("user", user.id())
			.bind("seconds", (double) this.validity.toSeconds())
			.then()
			.doOnSuccess((done) -> exchange.getResponse().addCookie(cookie(exchange, id, this.validity)));
	}

	Mono<Void> signOut(ServerWebExchange exchange) {
		HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
		exchange.getResponse().addCookie(cookie(exchange, "", Duration.ZERO));
		if (cookie == null) {
			return Mono.empty();
		}
		return this.database.sql(LoginRows.DELETE_SESSION).bind("id", cookie.getValue()).then();
	}

	private static ResponseCookie cookie(ServerWebExchange exchange, String value, Duration maxAge) {
		return ResponseCookie.from(COOKIE, value)
			.path(PATH)
			.httpOnly(true)
			.secure("https".equals(exchange.getRequest().getURI().getScheme()))
			.sameSite("Lax")
			.maxAge(maxAge)
			.build();
	}

}
