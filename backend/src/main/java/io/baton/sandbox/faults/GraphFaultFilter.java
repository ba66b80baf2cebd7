package io.baton.sandbox.faults;

import java.util.ArrayList;
import java.util.List;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.graph.AccessTokens;
import io.baton.sandbox.graph.Caller;
import io.baton.sandbox.graph.GraphError;
import io.baton.sandbox.graph.GraphErrors;
import io.baton.sandbox.graph.GraphRequest;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers Graph calls ({@code /sandbox/graph/**}, token endpoint aside) with an injected
 * fault when the caller's app or page, or the app or page the path names, has one. Costs
 * one query per call while no fault is active.
 */
@Component
@ConditionalOnSandbox
class GraphFaultFilter implements WebFilter {

	private static final String GRAPH = "/sandbox/graph/";

	private final GraphFaults faults;

	private final AccessTokens tokens;

	private final JsonMapper json;

	GraphFaultFilter(GraphFaults faults, AccessTokens tokens, JsonMapper json) {
		this.faults = faults;
		this.tokens = tokens;
		this.json = json;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (!path.startsWith(GRAPH) || path.endsWith("/oauth/access_token")) {
			return chain.filter(exchange);
		}
		return this.faults.anyActive()
			.flatMap((any) -> any ? claim(exchange, path) : Mono.empty())
			.flatMap((fault) -> answer(exchange, error(fault, path)).thenReturn(true))
			.switchIfEmpty(Mono.defer(() -> chain.filter(exchange).thenReturn(true)))
			.then();
	}

	private Mono<GraphFault> claim(ServerWebExchange exchange, String path) {
		String named = namedId(path);
		return GraphRequest.of(exchange).flatMap((request) -> caller(request).map((caller) -> {
			List<String> apps = new ArrayList<>(List.of(caller.app().id()));
			List<String> pages = new ArrayList<>();
			if (caller.pageId() != null) {
				pages.add(caller.pageId());
			}
			return List.of(apps, pages);
		}).defaultIfEmpty(List.of(new ArrayList<>(), new ArrayList<>())).flatMap((targets) -> {
			if (named != null) {
				targets.get(0).add(named);
				targets.get(1).add(named);
			}
			return this.faults.claim(targets.get(0), targets.get(1));
		}));
	}

	/** The caller, or empty when the token is missing or bad (the endpoint says so). */
	private Mono<Caller> caller(GraphRequest request) {
		String token = request.accessToken();
		return (token != null) ? this.tokens.check(token).onErrorResume(GraphError.class, (bad) -> Mono.empty())
				: Mono.empty();
	}

	/**
	 * The object id right after the version, as in
	 * {@code /v24.0/{page-id}/subscribed_apps}.
	 */
	private static @Nullable String namedId(String path) {
		String[] segments = path.substring(GRAPH.length()).split("/");
		return (segments.length > 1 && segments[1].matches("[0-9]{1,30}")) ? segments[1] : null;
	}

	private static GraphError error(GraphFault fault, String path) {
		return switch (fault.kind()) {
			case "server_error" -> GraphError.serverError();
			case "invalid_token" -> GraphError.invalidToken();
			default -> path.endsWith("/messages") ? GraphError.sendRateLimit()
					: (fault.pageId() != null) ? GraphError.pageRateLimit() : GraphError.appRateLimit();
		};
	}

	private Mono<Void> answer(ServerWebExchange exchange, GraphError error) {
		exchange.getResponse().setStatusCode(error.status());
		exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_JSON);
		byte[] body = this.json.writeValueAsBytes(GraphErrors.body(error));
		return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(body)));
	}

}
