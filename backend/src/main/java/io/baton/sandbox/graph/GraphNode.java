package io.baton.sandbox.graph;

import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * One kind of Graph object readable at {@code GET /{version}/{id}} (an app, a page, a
 * person's page-scoped id, …). The node endpoint asks each in turn; the first that knows
 * the id answers, so feature packages add node kinds without touching it.
 */
public interface GraphNode {

	/**
	 * The object's fields as the caller may see them, an error ({@link GraphError}) when
	 * this is the object but the caller may not read it, or empty when the id is not one
	 * of this kind.
	 */
	Mono<Map<String, Object>> read(String id, Caller caller, GraphRequest request);

}
