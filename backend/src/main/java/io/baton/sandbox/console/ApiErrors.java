package io.baton.sandbox.console;

import java.util.LinkedHashMap;
import java.util.Map;

import io.baton.sandbox.ConditionalOnSandbox;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

/**
 * The JSON API's errors: {@code {"error": {"message", "status"}}} with a 4xx for anything
 * the caller got wrong.
 */
@RestControllerAdvice(assignableTypes = { PeopleApi.class, PagesApi.class, AppsApi.class, FaultsApi.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnSandbox
class ApiErrors {

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> refused(WorldRefused refused) {
		return body(refused.status(), refused.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> unreadable(ServerWebInputException unreadable) {
		return body(HttpStatus.BAD_REQUEST, "The body must be a JSON object: " + unreadable.getReason());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> status(ResponseStatusException failure) {
		return body(failure.getStatusCode(), String.valueOf(failure.getReason()));
	}

	static ResponseEntity<Map<String, Object>> body(HttpStatusCode status, String message) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("message", message);
		error.put("status", status.value());
		return ResponseEntity.status(status).body(Map.of("error", error));
	}

}
