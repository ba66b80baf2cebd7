package io.baton.sandbox.graph;

import io.baton.sandbox.ConditionalOnSandbox;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * What happens in a person's life that ends their tokens, each with the reason Graph
 * later reports (see {@link AccessTokens#check}): a password change (190/460), the app
 * removed (190/458), a page role lost or a page permission revoked (plain 190 on the page
 * tokens), a token forced to expire (190/463).
 */
@Component
@ConditionalOnSandbox
public class TokenEvents {

	private final DatabaseClient database;

	TokenEvents(DatabaseClient database) {
		this.database = database;
	}

	/** Every token of the person, for every app: 190/460. */
	public Mono<Long> passwordChanged(String userId) {
		return this.database.sql(TokenRows.END_USER_TOKENS)
			.bind("reason", "password")
			.bind("user", userId)
			.fetch()
			.rowsUpdated();
	}

	/**
	 * The person removed the app: its grants and page grants are forgotten, its tokens
	 * answer 190/458.
	 */
	public Mono<Long> appRemoved(String appId, String userId) {
		return this.database.sql(TokenRows.DELETE_GRANTS)
			.bind("app", appId)
			.bind("user", userId)
			.then()
			.then(this.database.sql(TokenRows.DELETE_PAGE_GRANTS).bind("app", appId).bind("user", userId).then())
			.then(this.database.sql(TokenRows.END_APP_USER_TOKENS)
				.bind("reason", "deauthorized")
				.bind("app", appId)
				.bind("user", userId)
				.fetch()
				.rowsUpdated());
	}

	/** The person's page tokens of that page, whatever the app: plain 190. */
	public Mono<Long> pageRoleLost(String pageId, String userId) {
		return this.database.sql(TokenRows.END_PAGE_TOKENS_OF_PAGE)
			.bind("reason", "role_lost")
			.bind("page", pageId)
			.bind("user", userId)
			.fetch()
			.rowsUpdated();
	}

	/**
	 * The person revoked one permission of the app (it becomes declined); the app's page
	 * tokens of that person die with a page permission (plain 190).
	 */
	public Mono<Long> permissionRevoked(String appId, String userId, String permission) {
		Mono<Long> pageTokens = permission.startsWith("pages_") ? this.database.sql(TokenRows.END_PAGE_TOKENS_OF_APP)
			.bind("reason", "permission_revoked")
			.bind("app", appId)
			.bind("user", userId)
			.fetch()
			.rowsUpdated() : Mono.just(0L);
		return this.database.sql(TokenRows.DECLINE_PERMISSION)
			.bind("app", appId)
			.bind("user", userId)
			.bind("permission", permission)
			.then()
			.then(pageTokens);
	}

	/** One token, or every token of a person: 190/463 from now on. */
	public Mono<Long> expire(String token) {
		return this.database.sql(TokenRows.END_TOKEN)
			.bind("reason", "expired")
			.bind("token", token)
			.fetch()
			.rowsUpdated();
	}

	public Mono<Long> expireAllOf(String userId) {
		return this.database.sql(TokenRows.END_USER_TOKENS)
			.bind("reason", "expired")
			.bind("user", userId)
			.fetch()
			.rowsUpdated();
	}

}
