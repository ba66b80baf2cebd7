package io.baton.botapi;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import io.baton.graph.RelayedCall;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;

/**
 * A bot's Graph call as Graph reads it: parameters from the query, a form body or a JSON
 * body alike (a form or query value may itself be JSON, {@code recipient={"id":"…"}}),
 * the key from {@code access_token} or {@code Authorization: Bearer}. Read once per
 * request and kept on the exchange, since the security chain and the handler both need
 * it.
 *
 * @param query the query parameters
 * @param form the form body's parameters (empty without one)
 * @param json the JSON body (empty without one)
 * @param key the key presented, or {@code null}
 */
record BotCall(HttpMethod method, String path, MultiValueMap<String, String> query, MultiValueMap<String, String> form,
		ObjectNode json, @Nullable String key) {

	private static final String ATTRIBUTE = BotCall.class.getName();

	private static final Set<String> CREDENTIALS = Set.of("access_token", "appsecret_proof");

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	static Mono<BotCall> of(ServerWebExchange exchange, int maxBody) {
		BotCall kept = exchange.getAttribute(ATTRIBUTE);
		if (kept != null) {
			return Mono.just(kept);
		}
		return read(exchange, maxBody).doOnNext((call) -> exchange.getAttributes().put(ATTRIBUTE, call));
	}

	private static Mono<BotCall> read(ServerWebExchange exchange, int maxBody) {
		MediaType type = exchange.getRequest().getHeaders().getContentType();
		boolean json = type != null && type.isCompatibleWith(MediaType.APPLICATION_JSON);
		Mono<ObjectNode> body = json ? jsonBody(exchange, maxBody) : Mono.just(MAPPER.createObjectNode());
		return exchange.getFormData()
			.zipWith(body)
			.map((read) -> new BotCall(exchange.getRequest().getMethod(),
					exchange.getRequest().getPath().pathWithinApplication().value(),
					exchange.getRequest().getQueryParams(), read.getT1(), read.getT2(),
					key(exchange, read.getT1(), read.getT2())));
	}

	private static Mono<ObjectNode> jsonBody(ServerWebExchange exchange, int maxBody) {
		return DataBufferUtils.join(exchange.getRequest().getBody(), maxBody).map((buffer) -> {
			try {
				return buffer.toString(StandardCharsets.UTF_8);
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		})
			.defaultIfEmpty("")
			.onErrorMap(DataBufferLimitException.class,
					(tooLarge) -> GraphRefusal.invalidParameter("Invalid parameter"))
			.map(BotCall::object);
	}

	private static ObjectNode object(String body) {
		if (body.isBlank()) {
			return MAPPER.createObjectNode();
		}
		try {
			JsonNode tree = MAPPER.readTree(body);
			if (tree instanceof ObjectNode object) {
				return object;
			}
		}
		catch (JacksonException ex) {
			// answered below, as Graph answers a body it cannot read
		}
		throw GraphRefusal.invalidParameter("Invalid parameter");
	}

	private static @Nullable String key(ServerWebExchange exchange, MultiValueMap<String, String> form,
			ObjectNode json) {
		String key = exchange.getRequest().getQueryParams().getFirst("access_token");
		if (blank(key)) {
			key = form.getFirst("access_token");
		}
		if (blank(key) && json.path("access_token").isString()) {
			key = json.path("access_token").asString();
		}
		if (blank(key)) {
			key = bearer(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
		}
		return blank(key) ? null : key.strip();
	}

	private static @Nullable String bearer(@Nullable String authorization) {
		if (authorization == null) {
			return null;
		}
		for (String scheme : List.of("Bearer ", "OAuth ")) {
			if (authorization.regionMatches(true, 0, scheme, 0, scheme.length())) {
				return authorization.substring(scheme.length());
			}
		}
		return null;
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	/** {@code appsecret_proof} as sent, or empty. */
	String appsecretProof() {
		return text("appsecret_proof");
	}

	/** The parameter, from the JSON body, the form or the query (in that order). */
	JsonNode node(String name) {
		if (this.json.has(name)) {
			return this.json.get(name);
		}
		String value = this.form.getFirst(name);
		if (value == null) {
			value = this.query.getFirst(name);
		}
		return (value != null) ? parse(value.strip()) : MissingNode.getInstance();
	}

	/** The parameter as text, stripped; empty when absent or not a value. */
	String text(String name) {
		JsonNode node = node(name);
		return node.isValueNode() ? node.asString().strip() : "";
	}

	/**
	 * The call as Graph gets it from Baton: the same, without the bot's key and proof.
	 */
	RelayedCall relayed(String version, String pathAfterVersion) {
		MultiValueMap<String, String> query = withoutCredentials(this.query);
		if (!this.json.isEmpty()) {
			ObjectNode body = this.json.deepCopy();
			CREDENTIALS.forEach(body::remove);
			return new RelayedCall(this.method, version, pathAfterVersion, query, MediaType.APPLICATION_JSON,
					MAPPER.writeValueAsBytes(body));
		}
		if (!this.form.isEmpty()) {
			return new RelayedCall(this.method, version, pathAfterVersion, query, MediaType.APPLICATION_FORM_URLENCODED,
					formBytes(withoutCredentials(this.form)));
		}
		return new RelayedCall(this.method, version, pathAfterVersion, query, null, new byte[0]);
	}

	private static MultiValueMap<String, String> withoutCredentials(MultiValueMap<String, String> parameters) {
		MultiValueMap<String, String> kept = new LinkedMultiValueMap<>(parameters);
		CREDENTIALS.forEach(kept::remove);
		return kept;
	}

	private static byte[] formBytes(MultiValueMap<String, String> form) {
		StringBuilder body = new StringBuilder();
		form.forEach((name, values) -> values.forEach((value) -> {
			if (!body.isEmpty()) {
				body.append('&');
			}
			body.append(encode(name)).append('=').append(encode(value));
		}));
		return body.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String encode(String text) {
		return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static JsonNode parse(String value) {
		if (value.startsWith("{") || value.startsWith("[")) {
			try {
				return MAPPER.readTree(value);
			}
			catch (JacksonException ex) {
				return StringNode.valueOf(value);
			}
		}
		return StringNode.valueOf(value);
	}

}
