package io.baton.sandbox.console;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.accounts.Grants;
import io.baton.sandbox.accounts.PageGrants;
import io.baton.sandbox.accounts.Permission;
import io.baton.sandbox.graph.AccessTokens;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user token without the dialog, as Facebook gives test users: the person grants the
 * app {@code permissions} and {@code pages}, and gets a long-lived user token. For demos
 * and scripts; the Login dialog remains the way people grant apps.
 */
@RestController
@ConditionalOnSandbox
class UserTokensApi {

	private final World world;

	private final Grants grants;

	private final PageGrants pageGrants;

	private final AccessTokens tokens;

	UserTokensApi(World world, Grants grants, PageGrants pageGrants, AccessTokens tokens) {
		this.world = world;
		this.grants = grants;
		this.pageGrants = pageGrants;
		this.tokens = tokens;
	}

	/**
	 * {@code {"app_id", "permissions": [...], "pages": [page ids]?}} →
	 * {@code {"access_token"}}.
	 */
	@PostMapping("/sandbox/api/users/{userId}/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Map<String, Object>> issue(@PathVariable String userId, @RequestBody JsonNode json) {
		return Mono.defer(() -> {
			Body body = new Body(json);
			String appId = body.text("app_id");
			List<String> permissions = body.texts("permissions");
			List<String> pages = body.texts("pages");
			return this.world.user(userId)
				.then(this.world.existingApp(appId))
				.then(Flux.fromIterable(pages).concatMap(this.world::existingPage).then())
				.then(this.grants.record(appId, userId, permissions.stream().map(Permission::granted).toList()))
				.then(pages.isEmpty() ? Mono.empty() : this.pageGrants.choose(appId, userId, pages))
				.then(this.tokens.issueLongLivedToken(appId, userId))
				.map((token) -> Map.of("access_token", token, "token_type", "bearer"));
		});
	}

}
