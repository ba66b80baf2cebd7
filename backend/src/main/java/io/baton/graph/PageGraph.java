package io.baton.graph;

import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import io.baton.secrets.Secret;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * A page's webhook subscriptions ({@code /{page-id}/subscribed_apps}), with a page token.
 */
@Component
public class PageGraph {

	private final GraphClient graph;

	PageGraph(GraphClient graph) {
		this.graph = graph;
	}

	public Mono<Void> subscribe(PageId page, Secret pageToken, Secret appSecret, List<String> fields) {
		return this.graph
			.call(HttpMethod.POST, "/" + page.value() + "/subscribed_apps", pageToken, appSecret,
					GraphClient.params("subscribed_fields", String.join(",", fields)))
			.then();
	}

	public Mono<Void> unsubscribe(PageId page, Secret pageToken, Secret appSecret) {
		return this.graph
			.call(HttpMethod.DELETE, "/" + page.value() + "/subscribed_apps", pageToken, appSecret,
					GraphClient.params())
			.then();
	}

	public Mono<List<PageSubscription>> subscribedApps(PageId page, Secret pageToken, Secret appSecret) {
		return this.graph
			.call(HttpMethod.GET, "/" + page.value() + "/subscribed_apps", pageToken, appSecret, GraphClient.params())
			.map(GraphClient.readAs("a list of subscribed apps", (body) -> {
				List<PageSubscription> subscriptions = new ArrayList<>();
				for (JsonNode item : body.path("data")) {
					List<String> fields = new ArrayList<>();
					item.path("subscribed_fields").forEach((field) -> fields.add(field.asString()));
					subscriptions.add(new PageSubscription(new AppId(item.path("id").asString()),
							item.path("name").asString(""), fields));
				}
				return subscriptions;
			}));
	}

}
