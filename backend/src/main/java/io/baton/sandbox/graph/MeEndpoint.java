package io.baton.sandbox.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.accounts.AppScopedIds;
import io.baton.sandbox.accounts.Grants;
import io.baton.sandbox.accounts.SandboxUsers;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code /me} with a user token: the person as this app sees them (its app-scoped id),
 * what they granted it, revoking one permission and de-authorising it. With a page token
 * {@code /me} is the page.
 */
@RestController
@ConditionalOnSandbox
class MeEndpoint {

	private static final String ME = "/sandbox/graph/{version:v\\d+\\.\\d+}/me";

	private static final List<String> FIELDS = List.of("id", "name");

	private final AccessTokens tokens;

	private final SandboxUsers users;

	private final AppScopedIds appScopedIds;

	private final Grants grants;

	private final TokenEvents events;

	private final NodeEndpoint nodes;

	MeEndpoint(AccessTokens tokens, SandboxUsers users, AppScopedIds appScopedIds, Grants grants, TokenEvents events,
			NodeEndpoint nodes) {
		this.tokens = tokens;
		this.users = users;
		this.appScopedIds = appScopedIds;
		this.grants = grants;
		this.events = events;
		this.nodes = nodes;
	}

	@GetMapping(ME)
	Mono<Map<String, Object>> me(ServerWebExchange exchange) {
		return GraphRequest.of(exchange).flatMap((request) -> {
			String token = request.accessToken();
			if (token == null) {
				return Mono.error(GraphError.noUserToken());
			}
			return this.tokens.check(token).flatMap((caller) -> {
				if (caller.isPage()) {
					return this.nodes.read(Objects.requireNonNull(caller.pageId()), caller, request)
						.map((page) -> request.parameter("fields").isEmpty() ? idAndName(page) : page);
				}
				List<String> fields = requestedFields(request);
				return person(request).flatMap((person) -> profile(person, fields));
			});
		});
	}

	@GetMapping(ME + "/permissions")
	Mono<Map<String, Object>> permissions(ServerWebExchange exchange) {
		return GraphRequest.of(exchange)
			.flatMap(this::person)
			.flatMap((caller) -> this.grants.of(caller.app().id(), userId(caller)).collectList())
			.map((permissions) -> Map.of("data", permissions));
	}

	@DeleteMapping(ME + "/permissions")
	Mono<Map<String, Object>> deauthorize(ServerWebExchange exchange) {
		return GraphRequest.of(exchange)
			.flatMap(this::person)
			.flatMap((caller) -> this.events.appRemoved(caller.app().id(), userId(caller)))
			.thenReturn(Map.of("success", true));
	}

	/** Revokes one permission: it shows as declined, page tokens that needed it die. */
	@DeleteMapping(ME + "/permissions/{permission}")
	Mono<Map<String, Object>> revoke(@PathVariable String permission, ServerWebExchange exchange) {
		return GraphRequest.of(exchange)
			.flatMap(this::person)
			.flatMap((caller) -> this.events.permissionRevoked(caller.app().id(), userId(caller), permission))
			.thenReturn(Map.of("success", true));
	}

	/**
	 * The caller behind a valid user token; an app token or none cannot ask about "me".
	 */
	private Mono<Caller> person(GraphRequest request) {
		String token = request.accessToken();
		if (token == null) {
			return Mono.error(GraphError.noUserToken());
		}
		return this.tokens.check(token)
			.filter(Caller::isUser)
			.switchIfEmpty(Mono.error(GraphError::noUserToken))
			.doOnNext((caller) -> request.checkAppsecretProof(token, caller.app().secret(),
					caller.app().appsecretProofRequired()));
	}

	private Mono<Map<String, Object>> profile(Caller caller, List<String> fields) {
		return this.users.find(userId(caller))
			.zipWith(this.appScopedIds.of(caller.app().id(), userId(caller)))
			.map((found) -> {
				Map<String, Object> profile = new LinkedHashMap<>();
				for (String field : fields) {
					profile.put(field, "id".equals(field) ? found.getT2() : found.getT1().name());
				}
				profile.putIfAbsent("id", found.getT2());
				return profile;
			});
	}

	/** {@code /me} of a page answers only its id and name unless asked for more. */
	private static Map<String, Object> idAndName(Map<String, Object> page) {
		Map<String, Object> idAndName = new LinkedHashMap<>();
		idAndName.put("id", page.get("id"));
		idAndName.put("name", page.get("name"));
		return idAndName;
	}

	private static List<String> requestedFields(GraphRequest request) {
		String fields = request.parameter("fields");
		if (fields.isEmpty()) {
			return FIELDS;
		}
		List<String> requested = List.of(fields.split("\\s*,\\s*"));
		requested.stream().filter((field) -> !FIELDS.contains(field)).findFirst().ifPresent((unknown) -> {
			throw GraphError.nonexistingField(unknown);
		});
		return requested;
	}

	private static String userId(Caller caller) {
		return Objects.requireNonNull(caller.userId());
	}

}
