package io.baton.sandbox.messenger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.baton.sandbox.graph.GraphRequest;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.StringNode;

import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;

/**
 * A Messenger Graph call as Facebook takes it: a JSON body, or query and form parameters
 * whose values may themselves be JSON ({@code recipient={"id":"…"}}), with the token from
 * {@code access_token} or {@code Authorization}.
 *
 * @param request the query and form parameters and the token
 * @param fields every parameter as JSON
 */
public record MessengerCall(GraphRequest request, Map<String, JsonNode> fields) {

	private static final JsonMapper json = JsonMapper.builder().build();

	public static Mono<MessengerCall> of(ServerWebExchange exchange) {
		return GraphRequest.of(exchange).map((request) -> {
			Map<String, JsonNode> fields = parameters(request.parameters());
			request.body().properties().forEach((field) -> fields.put(field.getKey(), field.getValue()));
			return new MessengerCall(request, fields);
		});
	}

	/** The parameter, or a missing node. */
	public JsonNode node(String name) {
		JsonNode node = this.fields.get(name);
		return (node != null) ? node : MissingNode.getInstance();
	}

	/** The parameter as text, stripped; empty when absent or not text. */
	public String text(String name) {
		JsonNode node = node(name);
		return node.isValueNode() ? node.asString().strip() : "";
	}

	public @Nullable String token() {
		return this.request.accessToken();
	}

	private static Map<String, JsonNode> parameters(MultiValueMap<String, String> parameters) {
		Map<String, JsonNode> fields = new LinkedHashMap<>();
		parameters.forEach((name, values) -> fields.put(name, parse(values)));
		return fields;
	}

	private static JsonNode parse(List<String> values) {
		String value = values.isEmpty() ? "" : values.get(0).strip();
		if (value.startsWith("{") || value.startsWith("[")) {
			try {
				return json.readTree(value);
			}
			catch (JacksonException ex) {
				throw MessengerErrors.invalidParameter("malformed JSON");
			}
		}
		return StringNode.valueOf(value);
	}

}
