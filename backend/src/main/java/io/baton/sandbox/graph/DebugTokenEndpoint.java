package io.baton.sandbox.graph;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.SandboxSettings;
import io.baton.sandbox.accounts.AppScopedIds;
import io.baton.sandbox.accounts.Grants;
import io.baton.sandbox.accounts.PageGrants;
import io.baton.sandbox.accounts.Permission;
import io.baton.sandbox.accounts.SandboxApps;
import io.baton.sandbox.graph.AccessTokens.TokenFacts;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code GET /debug_token?input_token=…} with an app token (or a user token of the app):
 * what the input token is, answered with 200 even when it is not valid
 * ({@code is_valid: false} and {@code data.error}); a bad calling token is a normal
 * error.
 */
@RestController
@ConditionalOnSandbox
class DebugTokenEndpoint {

	private final AccessTokens tokens;

	private final SandboxApps apps;

	private final Grants grants;

	private final PageGrants pageGrants;

	private final AppScopedIds appScopedIds;

	private final SandboxSettings.Pages settings;

	DebugTokenEndpoint(AccessTokens tokens, SandboxApps apps, Grants grants, PageGrants pageGrants,
			AppScopedIds appScopedIds, SandboxSettings settings) {
		this.tokens = tokens;
		this.apps = apps;
		this.grants = grants;
		this.pageGrants = pageGrants;
		this.appScopedIds = appScopedIds;
		this.settings = settings.pages();
	}

	@GetMapping("/sandbox/graph/{version:v\\d+\\.\\d+}/debug_token")
	Mono<Map<String, Object>> debugToken(ServerWebExchange exchange) {
		return GraphRequest.of(exchange).flatMap((request) -> caller(request).flatMap((caller) -> {
			String input = request.parameter("input_token");
			if (input.isEmpty()) {
				return Mono.error(GraphError.invalidParameter("The parameter input_token is required"));
			}
			return this.tokens.check(input)
				.flatMap((valid) -> describe(input, valid, null))
				.onErrorResume(GraphError.class, (invalid) -> describe(input, null, invalid))
				.map((data) -> Map.of("data", data));
		}));
	}

	private Mono<Caller> caller(GraphRequest request) {
		String token = request.accessToken();
		if (token == null) {
			return Mono.error(GraphError.debugTokenCallerRequired());
		}
		return this.tokens.check(token).map((caller) -> {
			if (caller.isPage()) {
				throw GraphError.debugTokenCallerRequired();
			}
			request.checkAppsecretProof(token, caller.app().secret(), caller.app().appsecretProofRequired());
			return caller;
		});
	}

	private Mono<Map<String, Object>> describe(String input, @Nullable Caller valid, @Nullable GraphError invalid) {
		return this.tokens.facts(input)
			.flatMap((facts) -> described(facts, invalid))
			.switchIfEmpty(
					Mono.defer(() -> (valid != null) ? Mono.just(appToken(valid)) : Mono.just(unknown(invalid))));
	}

	private Mono<Map<String, Object>> described(TokenFacts facts, @Nullable GraphError invalid) {
		return this.apps.find(facts.appId()).flatMap((app) -> {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("app_id", app.id());
			data.put("type", facts.kind());
			data.put("application", app.name());
			if (facts.userId() == null) {
				data.put("is_valid", invalid == null);
				putError(data, invalid);
				data.put("scopes", List.of());
				return Mono.just(data);
			}
			OffsetDateTime lastSignIn = (facts.lastSignIn() != null) ? facts.lastSignIn() : facts.issuedAt();
			data.put("data_access_expires_at", lastSignIn.plus(this.settings.dataAccessValidity()).toEpochSecond());
			putError(data, invalid);
			data.put("expires_at", (facts.expiresAt() != null) ? facts.expiresAt().toEpochSecond() : 0);
			data.put("is_valid", invalid == null);
			data.put("issued_at", facts.issuedAt().toEpochSecond());
			return personal(data, facts);
		});
	}

	private Mono<Map<String, Object>> personal(Map<String, Object> data, TokenFacts facts) {
		String userId = java.util.Objects.requireNonNull(facts.userId());
		return this.grants.of(facts.appId(), userId)
			.filter((permission) -> Permission.GRANTED.equals(permission.status()))
			.map(Permission::permission)
			.collectList()
			.zipWith(this.pageGrants.granted(facts.appId(), userId).collectList())
			.zipWith(this.appScopedIds.of(facts.appId(), userId))
			.map((found) -> {
				List<String> scopes = found.getT1().getT1();
				List<String> pages = found.getT1().getT2();
				data.put("scopes", scopes);
				data.put("granular_scopes", scopes.stream().map((scope) -> granular(scope, pages)).toList());
				if (facts.pageId() != null) {
					data.put("profile_id", facts.pageId());
				}
				data.put("user_id", found.getT2());
				return data;
			});
	}

	private static Map<String, Object> granular(String scope, List<String> pages) {
		Map<String, Object> granular = new LinkedHashMap<>();
		granular.put("scope", scope);
		if (scope.startsWith("pages_")) {
			granular.put("target_ids", pages);
		}
		return granular;
	}

	/** {@code {app-id}|{app-secret}}, valid but never stored. */
	private static Map<String, Object> appToken(Caller caller) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("app_id", caller.app().id());
		data.put("type", "APP");
		data.put("application", caller.app().name());
		data.put("is_valid", true);
		data.put("scopes", List.of());
		return data;
	}

	private static Map<String, Object> unknown(@Nullable GraphError invalid) {
		Map<String, Object> data = new LinkedHashMap<>();
		putError(data, (invalid != null) ? invalid : GraphError.invalidToken());
		data.put("is_valid", false);
		data.put("scopes", List.of());
		return data;
	}

	private static void putError(Map<String, Object> data, @Nullable GraphError invalid) {
		if (invalid == null) {
			return;
		}
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("code", invalid.code());
		error.put("message", invalid.getMessage());
		if (invalid.subcode() != null) {
			error.put("subcode", invalid.subcode());
		}
		data.put("error", error);
	}

}
