package io.baton.sandbox.graph;

import java.util.LinkedHashMap;
import java.util.Map;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.RandomTokens;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The one place that turns the sandbox's Graph failures into Graph's error body. */
@RestControllerAdvice(basePackageClasses = GraphErrors.class)
@ConditionalOnSandbox
class GraphErrors {

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> graphError(GraphError error) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", error.getMessage());
		body.put("type", "OAuthException");
		body.put("code", error.code());
		if (error.subcode() != null) {
			body.put("error_subcode", error.subcode());
		}
		body.put("fbtrace_id", RandomTokens.next("A", 22));
		return ResponseEntity.status(error.status()).body(Map.of("error", body));
	}

}
