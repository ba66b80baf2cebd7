package io.baton.graph;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import io.baton.secrets.Secret;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * The Graph side of Facebook Login for a tenant's app: code exchange, long-lived user
 * tokens, the permissions granted, and the pages the person granted with their page
 * tokens (following cursor paging to the end).
 */
@Component
public class FacebookLogin {

	private final GraphClient graph;

	private final GraphSettings settings;

	FacebookLogin(GraphClient graph, GraphSettings settings) {
		this.graph = graph;
		this.settings = settings;
	}

	public Mono<UserToken> exchangeCode(AppId app, Secret appSecret, String redirectUri, String code) {
		return this.graph
			.call(HttpMethod.GET, "/oauth/access_token", null, null,
					GraphClient.params("client_id", app.value(), "client_secret", appSecret.value(), "redirect_uri",
							redirectUri, "code", code))
			.map(GraphClient.readAs("a user token", FacebookLogin::userToken));
	}

	public Mono<UserToken> longLived(AppId app, Secret appSecret, Secret userToken) {
		return this.graph
			.call(HttpMethod.GET, "/oauth/access_token", null, null,
					GraphClient.params("grant_type", "fb_exchange_token", "client_id", app.value(), "client_secret",
							appSecret.value(), "fb_exchange_token", userToken.value()))
			.map(GraphClient.readAs("a user token", FacebookLogin::userToken));
	}

	public Mono<List<Permission>> permissions(Secret userToken, Secret appSecret) {
		return this.graph.call(HttpMethod.GET, "/me/permissions", userToken, appSecret, GraphClient.params())
			.map(GraphClient.readAs("a list of permissions", (body) -> {
				List<Permission> permissions = new ArrayList<>();
				for (JsonNode item : body.path("data")) {
					permissions.add(new Permission(item.path("permission").asString(""),
							"granted".equals(item.path("status").asString(""))));
				}
				return permissions;
			}));
	}

	/** Every page of {@code /me/accounts}, following {@code paging.cursors.after}. */
	public Flux<PageAccount> accounts(Secret userToken, Secret appSecret) {
		return accountsPage(userToken, appSecret, null)
			.expand((page) -> (page.after() == null) ? Mono.empty() : accountsPage(userToken, appSecret, page.after()))
			.concatMapIterable(AccountsPage::accounts);
	}

	private Mono<AccountsPage> accountsPage(Secret userToken, Secret appSecret, @Nullable String after) {
		var parameters = GraphClient.params("fields", "id,name,category,tasks,access_token", "limit",
				String.valueOf(this.settings.pageSize()));
		if (after != null) {
			parameters.add("after", after);
		}
		return this.graph.call(HttpMethod.GET, "/me/accounts", userToken, appSecret, parameters)
			.map(GraphClient.readAs("a page of accounts", (body) -> {
				List<PageAccount> accounts = new ArrayList<>();
				for (JsonNode item : body.path("data")) {
					List<String> tasks = new ArrayList<>();
					item.path("tasks").forEach((task) -> tasks.add(task.asString()));
					accounts.add(new PageAccount(new PageId(item.path("id").asString()), item.path("name").asString(""),
							item.path("category").asString(""), tasks,
							new Secret(item.path("access_token").asString())));
				}
				boolean more = body.path("paging").hasNonNull("next");
				String cursor = body.path("paging").path("cursors").path("after").asString(null);
				return new AccountsPage(accounts, (more && cursor != null && !accounts.isEmpty()) ? cursor : null);
			}));
	}

	private static UserToken userToken(JsonNode body) {
		String token = body.path("access_token").asString("");
		if (token.isEmpty()) {
			throw GraphFailure.noProperAnswer(200, "Graph's answer has no access_token");
		}
		return new UserToken(new Secret(token),
				body.hasNonNull("expires_in") ? body.path("expires_in").asLong() : null);
	}

	private record AccountsPage(List<PageAccount> accounts, @Nullable String after) {
	}

}
