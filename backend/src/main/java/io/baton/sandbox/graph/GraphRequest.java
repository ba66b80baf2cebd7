package io.baton.sandbox.graph;

import java.nio.charset.StandardCharsets;

import io.baton.sandbox.SandboxHmac;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;

/**
 * A Graph call's parameters, from the query and a form body alike, and its access token
 * from {@code access_token} or {@code Authorization: Bearer} (or {@code OAuth}).
 */
public record GraphRequest(MultiValueMap<String, String> parameters, @Nullable String accessToken) {

	public static Mono<GraphRequest> of(ServerWebExchange exchange) {
		return exchange.getFormData().map((form) -> {
			MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>(
					exchange.getRequest().getQueryParams());
			form.forEach(parameters::addAll);
			String token = parameters.getFirst("access_token");
			if (token == null || token.isBlank()) {
				token = headerToken(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
			}
			return new GraphRequest(parameters, (token != null && !token.isBlank()) ? token.strip() : null);
		});
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
