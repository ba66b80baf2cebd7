package io.baton.graph;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import io.baton.secrets.Secret;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * {@code GET /debug_token}: a token's validity, scopes and expiry, asked with the app's
 * token.
 */
@Component
public class TokenDebugger {

	private final GraphClient graph;

	TokenDebugger(GraphClient graph) {
		this.graph = graph;
	}

	public Mono<TokenInfo> inspect(Secret token, Secret appToken, Secret appSecret) {
		return this.graph
			.call(HttpMethod.GET, "/debug_token", appToken, appSecret, GraphClient.params("input_token", token.value()))
			.map(GraphClient.readAs("a token's debug information", (body) -> info(body.path("data"))));
	}

	private static TokenInfo info(JsonNode data) {
		List<String> scopes = new ArrayList<>();
		data.path("scopes").forEach((scope) -> scopes.add(scope.asString()));
		JsonNode error = data.path("error");
		return new TokenInfo(data.path("is_valid").asBoolean(false), data.path("type").asString(""), scopes,
				instant(data, "issued_at"), instant(data, "expires_at"), instant(data, "data_access_expires_at"),
				error.hasNonNull("code") ? error.path("code").asInt() : null,
				error.hasNonNull("subcode") ? error.path("subcode").asInt() : null, error.path("message").asString(""));
	}

	/** Graph's seconds since the epoch; 0 means never. */
	private static @Nullable Instant instant(JsonNode data, String field) {
		long seconds = data.path(field).asLong(0);
		return (seconds > 0) ? Instant.ofEpochSecond(seconds) : null;
	}

}
