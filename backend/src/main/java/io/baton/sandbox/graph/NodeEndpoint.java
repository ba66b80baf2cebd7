package io.baton.sandbox.graph;

import java.util.Map;

import io.baton.sandbox.ConditionalOnSandbox;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code GET /{version}/{id}}: asks every {@link GraphNode} in turn; the first that knows
 * the id answers, and an id none knows is Graph's "Unsupported get request" (100/33).
 */
@RestController
@ConditionalOnSandbox
class NodeEndpoint {

	private final AccessTokens tokens;

	private final ObjectProvider<GraphNode> nodes;

	NodeEndpoint(AccessTokens tokens, ObjectProvider<GraphNode> nodes) {
		this.tokens = tokens;
		this.nodes = nodes;
	}

	@GetMapping("/sandbox/graph/{version:v\\d+\\.\\d+}/{id}")
	Mono<Map<String, Object>> node(@PathVariable String id, ServerWebExchange exchange) {
		return GraphRequest.of(exchange)
			.flatMap((request) -> caller(request).flatMap((caller) -> read(id, caller, request)));
	}

	/** The node {@code id} as {@code caller} may see it. */
	Mono<Map<String, Object>> read(String id, Caller caller, GraphRequest request) {
		return Flux.fromStream(this.nodes.orderedStream())
			.concatMap((node) -> node.read(id, caller, request))
			.next()
			.switchIfEmpty(Mono.error(() -> GraphError.unsupportedRequest("get", id)));
	}

	private Mono<Caller> caller(GraphRequest request) {
		String token = request.accessToken();
		if (token == null) {
			return Mono.error(GraphError.tokenRequired());
		}
		return this.tokens.check(token)
			.doOnNext((caller) -> request.checkAppsecretProof(token, caller.app().secret(),
					caller.app().appsecretProofRequired()));
	}

}
