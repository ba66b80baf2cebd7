package io.baton.botapi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Graph's error object for every refusal of the bot API, whether the security chain or a
 * handler refuses: {@code {"error": {"message", "type", "code", "error_subcode"?,
 * "fbtrace_id"}}}.
 */
@Component
class GraphAnswers {

	private static final char[] TRACE_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
		.toCharArray();

	private final JsonMapper json;

	GraphAnswers(JsonMapper json) {
		this.json = json;
	}

	ResponseEntity<byte[]> entity(GraphRefusal refusal) {
		return ResponseEntity.status(refusal.status()).contentType(MediaType.APPLICATION_JSON).body(body(refusal));
	}

	Mono<Void> write(ServerWebExchange exchange, GraphRefusal refusal) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(refusal.status());
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body(refusal))));
	}

	private byte[] body(GraphRefusal refusal) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("message", refusal.getMessage());
		error.put("type", "OAuthException");
		error.put("code", refusal.code());
		if (refusal.subcode() != null) {
			error.put("error_subcode", refusal.subcode());
		}
		error.put("fbtrace_id", traceId());
		return this.json.writeValueAsBytes(Map.of("error", error));
	}

	/** An opaque id, new for each error, shaped like Graph's. */
	private static String traceId() {
		char[] id = new char[23];
		ThreadLocalRandom random = ThreadLocalRandom.current();
		id[0] = 'A';
		for (int i = 1; i < id.length; i++) {
			id[i] = TRACE_CHARACTERS[random.nextInt(TRACE_CHARACTERS.length)];
		}
		return new String(id);
	}

}
