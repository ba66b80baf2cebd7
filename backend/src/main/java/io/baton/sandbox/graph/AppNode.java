package io.baton.sandbox.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.accounts.SandboxApps;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * {@code GET /{app-id}}: the app, for its own app token or a user or page token of it;
 * other apps' callers cannot load it.
 */
@Component
@ConditionalOnSandbox
class AppNode implements GraphNode {

	private static final List<String> DEFAULTS = List.of("id", "name", "link", "category");

	private final SandboxApps apps;

	AppNode(SandboxApps apps) {
		this.apps = apps;
	}

	@Override
	public Mono<Map<String, Object>> read(String id, Caller caller, GraphRequest request) {
		return this.apps.find(id).map((app) -> {
			if (!app.id().equals(caller.app().id())) {
				throw GraphError.unsupportedRequest("get", id);
			}
			Map<String, Object> node = new LinkedHashMap<>();
			for (String field : request.fields(DEFAULTS, DEFAULTS, "Application")) {
				switch (field) {
					case "id" -> node.put("id", app.id());
					case "name" -> node.put("name", app.name());
					case "link" -> putIfSet(node, "link", app.link());
					default -> putIfSet(node, "category", app.category());
				}
			}
			node.putIfAbsent("id", app.id());
			return node;
		});
	}

	private static void putIfSet(Map<String, Object> node, String field,
			@org.jspecify.annotations.Nullable String value) {
		if (value != null) {
			node.put(field, value);
		}
	}

}
