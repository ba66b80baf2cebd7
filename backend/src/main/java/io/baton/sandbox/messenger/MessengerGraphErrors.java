package io.baton.sandbox.messenger;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.RandomTokens;
import io.baton.sandbox.graph.GraphError;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Graph's error body for the Messenger and webhook endpoints. A bridge only: once
 * {@code graph.GraphErrors} advises every sandbox package (as on the pages branch), it
 * takes precedence and this class can go.
 */
@RestControllerAdvice(basePackages = { "io.baton.sandbox.messenger", "io.baton.sandbox.webhooks" })
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnSandbox
class MessengerGraphErrors {

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> graphError(GraphError error) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", error.getMessage());
		body.put("type", "OAuthException");
		body.put("code", error.code());
		Object subcode = subcode(error);
		if (subcode != null) {
			body.put("error_subcode", subcode);
		}
		body.put("fbtrace_id", RandomTokens.next("A", 22));
		HttpStatus status = (error.code() == 1 || error.code() == 2) ? HttpStatus.INTERNAL_SERVER_ERROR
				: HttpStatus.BAD_REQUEST;
		return ResponseEntity.status(status).body(Map.of("error", body));
	}

	private static @org.jspecify.annotations.Nullable Object subcode(GraphError error) {
		try {
			Method subcode = GraphError.class.getDeclaredMethod("subcode");
			subcode.setAccessible(true);
			return subcode.invoke(error);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

}
