package io.baton.sandbox.graph;

import java.nio.charset.StandardCharsets;

import io.baton.sandbox.SandboxHmac;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;

/**
 * A Graph call's parameters, from the query, a form body and a JSON body alike (a JSON
 * array of values reads as Graph's comma list, an object as its JSON text), and its
 * access token from {@code access_token} or {@code Authorization: Bearer} (or
 * {@code OAuth}). Read once per request and kept on the exchange, since a filter and the
 * endpoint may both need it.
 *
 * @param body the JSON body as sent (empty without one)
 */
public record GraphRequest(MultiValueMap<String, String> parameters, @Nullable String accessToken, ObjectNode body) {

	private static final String ATTRIBUTE = GraphRequest.class.getName();

	private static final JsonMapper json = JsonMapper.builder().build();

	public GraphRequest(MultiValueMap<String, String> parameters, @Nullable String accessToken) {
		this(parameters, accessToken, json.createObjectNode());
	}

	public static Mono<GraphRequest> of(ServerWebExchange exchange) {
		GraphRequest kept = exchange.getAttribute(ATTRIBUTE);
		if (kept != null) {
			return Mono.just(kept);
		}
		return exchange.getFormData().zipWith(jsonBody(exchange)).map((read) -> {
			MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>(
					exchange.getRequest().getQueryParams());
			read.getT1().forEach(parameters::addAll);
			read.getT2().properties().forEach((field) -> parameters.add(field.getKey(), text(field.getValue())));
			String token = parameters.getFirst("access_token");
			if (token == null || token.isBlank()) {
				token = headerToken(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
			}
			return new GraphRequest(parameters, (token != null && !token.isBlank()) ? token.strip() : null,
					read.getT2());
		}).doOnNext((request) -> exchange.getAttributes().put(ATTRIBUTE, request));
	}

	private static Mono<ObjectNode> jsonBody(ServerWebExchange exchange) {
		MediaType type = exchange.getRequest().getHeaders().getContentType();
		if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
			return Mono.just(json.createObjectNode());
		}
		return DataBufferUtils.join(exchange.getRequest().getBody()).map((buffer) -> {
			try {
				return buffer.toString(StandardCharsets.UTF_8);
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		}).defaultIfEmpty("").map(GraphRequest::object);
	}

	private static ObjectNode object(String body) {
		if (body.isBlank()) {
			return json.createObjectNode();
		}
		JsonNode tree;
		try {
			tree = json.readTree(body);
		}
		catch (JacksonException ex) {
			throw GraphError.invalidParameter("Invalid parameter: the body is not valid JSON");
		}
		if (tree instanceof ObjectNode object) {
			return object;
		}
		throw GraphError.invalidParameter("Invalid parameter: the body must be a JSON object");
	}

	/** A JSON value as a parameter's text: a list of values as Graph's comma list. */
	private static String text(JsonNode value) {
		if (value.isArray() && value.valueStream().allMatch(JsonNode::isValueNode)) {
			return String.join(",", value.valueStream().map(JsonNode::asString).toList());
		}
		return value.isValueNode() ? value.asString() : value.toString();
	}

	/** The parameter, stripped, or an empty string. */
	public String parameter(String name) {
		String value = this.parameters.getFirst(name);
		return (value != null) ? value.strip() : "";
	}

	/**
	 * The fields asked for with {@code fields}, or {@code defaults} without it; a field
	 * outside {@code known} is Graph's "nonexisting field" error on {@code nodeType}.
	 */
	public java.util.List<String> fields(java.util.List<String> defaults, java.util.List<String> known,
			String nodeType) {
		String fields = parameter("fields");
		if (fields.isEmpty()) {
			return defaults;
		}
		java.util.List<String> requested = java.util.Arrays.stream(fields.split(","))
			.map(String::strip)
			.filter((field) -> !field.isEmpty())
			.distinct()
			.toList();
		requested.stream().filter((field) -> !known.contains(field)).findFirst().ifPresent((unknown) -> {
			throw GraphError.nonexistingField(unknown, nodeType);
		});
		return requested;
	}

	/**
	 * Checks {@code appsecret_proof} (hex HMAC-SHA256 of the token keyed with the app
	 * secret) when present, and insists on it when the app requires it.
	 */
	public void checkAppsecretProof(String token, String appSecret, boolean required) {
		String proof = parameter("appsecret_proof");
		if (proof.isEmpty()) {
			if (required) {
				throw GraphError.appsecretProofMissing();
			}
			return;
		}
		if (!SandboxHmac.matches(SandboxHmac.SHA256, appSecret, token.getBytes(StandardCharsets.UTF_8), proof)) {
			throw GraphError.appsecretProofInvalid();
		}
	}

	private static @Nullable String headerToken(@Nullable String authorization) {
		if (authorization == null) {
			return null;
		}
		for (String scheme : new String[] { "Bearer ", "OAuth " }) {
			if (authorization.regionMatches(true, 0, scheme, 0, scheme.length())) {
				return authorization.substring(scheme.length());
			}
		}
		return null;
	}

	public static String hmacSha256Hex(String key, String data) {
		return SandboxHmac.hex(SandboxHmac.SHA256, key, data.getBytes(StandardCharsets.UTF_8));
	}

}
