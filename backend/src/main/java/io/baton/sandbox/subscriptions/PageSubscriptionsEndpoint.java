package io.baton.sandbox.subscriptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.accounts.Grants;
import io.baton.sandbox.accounts.Permission;
import io.baton.sandbox.graph.AccessTokens;
import io.baton.sandbox.graph.Caller;
import io.baton.sandbox.graph.GraphError;
import io.baton.sandbox.graph.GraphRequest;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code /{page-id}/subscribed_apps} with a token of that page whose person granted
 * {@code pages_manage_metadata}: which apps get the page's webhooks and for which
 * Messenger fields.
 */
@RestController
@ConditionalOnSandbox
class PageSubscriptionsEndpoint {

	private static final String PATH = "/sandbox/graph/{version:v\\d+\\.\\d+}/{pageId:\\d+}/subscribed_apps";

	private static final String PERMISSION = "pages_manage_metadata";

	private final AccessTokens tokens;

	private final Grants grants;

	private final Subscriptions subscriptions;

	PageSubscriptionsEndpoint(AccessTokens tokens, Grants grants, Subscriptions subscriptions) {
		this.tokens = tokens;
		this.grants = grants;
		this.subscriptions = subscriptions;
	}

	@GetMapping(PATH)
	Mono<Map<String, Object>> list(@PathVariable String pageId, ServerWebExchange exchange) {
		return GraphRequest.of(exchange)
			.flatMap((request) -> page(request, pageId))
			.flatMap((caller) -> this.subscriptions.ofPage(pageId).map(PageSubscriptionsEndpoint::shown).collectList())
			.map((data) -> Map.of("data", data));
	}

	@PostMapping(PATH)
	Mono<Map<String, Object>> subscribe(@PathVariable String pageId, ServerWebExchange exchange) {
		return GraphRequest.of(exchange).flatMap((request) -> {
			if ("delete".equalsIgnoreCase(request.parameter("method"))) {
				return unsubscribe(request, pageId);
			}
			return page(request, pageId).flatMap((caller) -> {
				List<String> fields = Fields.parse(request.parameter("subscribed_fields"));
				if (fields.isEmpty()) {
					return Mono.error(GraphError.missingParameter("subscribed_fields"));
				}
				Fields.check("subscribed_fields", fields, Fields.MESSENGER);
				return this.subscriptions.subscribePage(pageId, caller.app().id(), fields);
			}).thenReturn(Map.of("success", true));
		});
	}

	@DeleteMapping(PATH)
	Mono<Map<String, Object>> delete(@PathVariable String pageId, ServerWebExchange exchange) {
		return GraphRequest.of(exchange).flatMap((request) -> unsubscribe(request, pageId));
	}

	private Mono<Map<String, Object>> unsubscribe(GraphRequest request, String pageId) {
		return page(request, pageId).flatMap((caller) -> this.subscriptions.unsubscribePage(pageId, caller.app().id()))
			.thenReturn(Map.of("success", true));
	}

	/**
	 * The caller behind a token of this very page, with {@code pages_manage_metadata}.
	 */
	private Mono<Caller> page(GraphRequest request, String pageId) {
		String token = request.accessToken();
		if (token == null) {
			return Mono.error(GraphError.tokenRequired());
		}
		return this.tokens.check(token).flatMap((caller) -> {
			if (!caller.isPage() || !pageId.equals(caller.pageId())) {
				return Mono.error(GraphError.pageTokenRequired());
			}
			request.checkAppsecretProof(token, caller.app().secret(), caller.app().appsecretProofRequired());
			return this.grants.of(caller.app().id(), Objects.requireNonNull(caller.userId()))
				.any((permission) -> PERMISSION.equals(permission.permission())
						&& Permission.GRANTED.equals(permission.status()))
				.flatMap((granted) -> granted ? Mono.just(caller)
						: Mono.error(GraphError.permissionRequired(PERMISSION)));
		});
	}

	private static Map<String, Object> shown(PageSubscription subscription) {
		Map<String, Object> shown = new LinkedHashMap<>();
		shown.put("id", subscription.appId());
		shown.put("name", subscription.appName());
		if (subscription.appLink() != null) {
			shown.put("link", subscription.appLink());
		}
		if (subscription.appCategory() != null) {
			shown.put("category", subscription.appCategory());
		}
		shown.put("subscribed_fields", subscription.fields());
		return shown;
	}

}
