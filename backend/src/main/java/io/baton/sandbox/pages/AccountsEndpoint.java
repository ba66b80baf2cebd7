package io.baton.sandbox.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.SandboxSettings;
import io.baton.sandbox.accounts.Grants;
import io.baton.sandbox.accounts.Permission;
import io.baton.sandbox.graph.AccessTokens;
import io.baton.sandbox.graph.Caller;
import io.baton.sandbox.graph.GraphError;
import io.baton.sandbox.graph.GraphRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code GET /me/accounts} with a user token: the pages the person granted this app and
 * still has a role on, each with a page token, cursor-paged. Needs
 * {@code pages_show_list}.
 */
@RestController
@ConditionalOnSandbox
class AccountsEndpoint {

	private static final List<String> FIELDS = List.of("access_token", "category", "category_list", "name", "id",
			"tasks");

	private final AccessTokens tokens;

	private final Grants grants;

	private final ManagedPages managed;

	private final SandboxSettings.Pages settings;

	AccountsEndpoint(AccessTokens tokens, Grants grants, ManagedPages managed, SandboxSettings settings) {
		this.tokens = tokens;
		this.grants = grants;
		this.managed = managed;
		this.settings = settings.pages();
	}

	@GetMapping("/sandbox/graph/{version:v\\d+\\.\\d+}/me/accounts")
	Mono<Map<String, Object>> accounts(ServerWebExchange exchange) {
		return GraphRequest.of(exchange).flatMap((request) -> {
			List<String> fields = request.fields(FIELDS, FIELDS, "Page");
			PageWindow window = PageWindow.of(request, this.settings);
			return person(request).flatMap((caller) -> mayListPages(caller)
				.then(this.managed.window(caller.app().id(), Objects.requireNonNull(caller.userId()), window))
				.flatMap((slice) -> answer(exchange, caller, slice, window, fields)));
		});
	}

	private Mono<Caller> person(GraphRequest request) {
		String token = request.accessToken();
		if (token == null) {
			return Mono.error(GraphError.noUserToken());
		}
		return this.tokens.check(token).map((caller) -> {
			if (caller.isPage()) {
				throw GraphError.nonexistingField("accounts", "Page");
			}
			if (!caller.isUser()) {
				throw GraphError.noUserToken();
			}
			request.checkAppsecretProof(token, caller.app().secret(), caller.app().appsecretProofRequired());
			return caller;
		});
	}

	private Mono<Void> mayListPages(Caller caller) {
		return this.grants.of(caller.app().id(), Objects.requireNonNull(caller.userId()))
			.any((permission) -> "pages_show_list".equals(permission.permission())
					&& Permission.GRANTED.equals(permission.status()))
			.flatMap(
					(granted) -> granted ? Mono.empty() : Mono.error(GraphError.permissionRequired("pages_show_list")));
	}

	private Mono<Map<String, Object>> answer(ServerWebExchange exchange, Caller caller, ManagedPages.Slice slice,
			PageWindow window, List<String> fields) {
		return Flux.fromIterable(slice.pages())
			.concatMap((page) -> entry(caller, page, fields))
			.collectList()
			.map((data) -> {
				Map<String, Object> answer = new LinkedHashMap<>();
				answer.put("data", data);
				if (!slice.pages().isEmpty()) {
					answer.put("paging", paging(exchange, caller, slice, window));
				}
				return answer;
			});
	}

	private Mono<Map<String, Object>> entry(Caller caller, ManagedPages.Managed page, List<String> fields) {
		Mono<String> token = fields.contains("access_token")
				? this.tokens.pageToken(caller.app().id(), Objects.requireNonNull(caller.userId()), page.id())
				: Mono.just("");
		return token.map((pageToken) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			for (String field : fields) {
				entry.put(field, switch (field) {
					case "access_token" -> pageToken;
					case "category" -> page.category();
					case "category_list" -> List.of(Categories.of(page.category()));
					case "name" -> page.name();
					case "id" -> page.id();
					default -> page.tasks();
				});
			}
			return entry;
		});
	}

	private static Map<String, Object> paging(ServerWebExchange exchange, Caller caller, ManagedPages.Slice slice,
			PageWindow window) {
		String before = PageWindow.cursor(slice.pages().get(0).id());
		String after = PageWindow.cursor(slice.pages().get(slice.pages().size() - 1).id());
		Map<String, Object> paging = new LinkedHashMap<>();
		paging.put("cursors", Map.of("before", before, "after", after));
		if (slice.moreBefore()) {
			paging.put("previous", link(exchange, caller, window, "before", before));
		}
		if (slice.moreAfter()) {
			paging.put("next", link(exchange, caller, window, "after", after));
		}
		return paging;
	}

	/** An absolute URL of the neighbouring page, carrying the token as Graph's do. */
	private static String link(ServerWebExchange exchange, Caller caller, PageWindow window, String direction,
			String cursor) {
		List<String> drop = new ArrayList<>(List.of("after", "before", "limit", "access_token"));
		UriComponentsBuilder link = UriComponentsBuilder.fromUri(exchange.getRequest().getURI());
		drop.forEach(link::replaceQueryParam);
		return link.queryParam("access_token", caller.token())
			.queryParam("limit", window.limit())
			.queryParam(direction, cursor)
			.build(true)
			.toUriString();
	}

}
