package io.baton.sandbox.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.graph.Caller;
import io.baton.sandbox.graph.GraphNode;
import io.baton.sandbox.graph.GraphRequest;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** {@code GET /{page-id}}: pages are public, any valid token reads them. */
@Component
@ConditionalOnSandbox
class PageNode implements GraphNode {

	private static final List<String> DEFAULTS = List.of("id", "name", "category");

	private static final List<String> KNOWN = List.of("id", "name", "category", "category_list", "link");

	private final SandboxPages pages;

	PageNode(SandboxPages pages) {
		this.pages = pages;
	}

	@Override
	public Mono<Map<String, Object>> read(String id, Caller caller, GraphRequest request) {
		return this.pages.find(id).map((page) -> {
			Map<String, Object> node = new LinkedHashMap<>();
			for (String field : request.fields(DEFAULTS, KNOWN, "Page")) {
				node.put(field, switch (field) {
					case "id" -> page.id();
					case "name" -> page.name();
					case "category" -> page.category();
					case "category_list" -> List.of(Categories.of(page.category()));
					default -> "https://www.facebook.com/" + page.id();
				});
			}
			node.putIfAbsent("id", page.id());
			return node;
		});
	}

}
