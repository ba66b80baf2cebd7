package io.baton.sandbox.graph;

import java.util.LinkedHashMap;
import java.util.Map;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.RandomTokens;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/**
 * The one place that turns the sandbox's Graph failures into Graph's error body, for
 * every Graph endpoint of the sandbox's packages.
 */
@RestControllerAdvice(basePackages = "io.baton.sandbox")
@ConditionalOnSandbox
public class GraphErrors {

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> graphError(GraphError error) {
		return ResponseEntity.status(error.status()).body(body(error));
	}

	/** A body Graph could not even read (malformed form or query) is a bad parameter. */
	@ExceptionHandler
	ResponseEntity<Map<String, Object>> unreadable(ServerWebInputException unreadable) {
		return graphError(GraphError.invalidParameter("Invalid parameter"));
	}

	/** {@code {"error": {"message", "type", "code", "error_subcode"?, "fbtrace_id"}}}. */
	public static Map<String, Object> body(GraphError error) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", error.getMessage());
		body.put("type", "OAuthException");
		body.put("code", error.code());
		if (error.subcode() != null) {
			body.put("error_subcode", error.subcode());
		}
		body.put("fbtrace_id", RandomTokens.next("A", 22));
		return Map.of("error", body);
	}

}
