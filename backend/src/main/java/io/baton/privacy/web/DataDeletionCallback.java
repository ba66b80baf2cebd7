package io.baton.privacy.web;

import java.util.Map;

import reactor.core.publisher.Mono;

import io.baton.graph.AppId;
import io.baton.platform.NotFound;
import io.baton.platform.Rejected;
import io.baton.privacy.DataDeletion;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code POST /facebook/data-deletion/{appId}}: Facebook's data-deletion callback, public
 * and checked by its {@code signed_request} alone. Answers as Facebook expects,
 * {@code {"url", "confirmation_code"}}; refusals in Graph's error shape.
 */
@RestController
class DataDeletionCallback {

	private final DataDeletion deletion;

	DataDeletionCallback(DataDeletion deletion) {
		this.deletion = deletion;
	}

	@PostMapping(path = "/facebook/data-deletion/{appId}", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<Map<String, String>> request(@PathVariable String appId, ServerWebExchange exchange) {
		AppId app = AppId.parse(appId).orElseThrow(() -> new NotFound("Baton serves no app " + appId));
		return exchange.getFormData().map((form) -> {
			String signed = form.getFirst("signed_request");
			return (signed != null) ? signed.strip() : "";
		})
			.flatMap((signed) -> this.deletion.request(app, signed))
			.map((receipt) -> Map.of("url", receipt.url(), "confirmation_code", receipt.confirmationCode()));
	}

	@ExceptionHandler(Rejected.class)
	ResponseEntity<Map<String, Object>> rejected(Rejected ex) {
		return graphError(HttpStatus.BAD_REQUEST, ex.getMessage(), 100);
	}

	@ExceptionHandler(NotFound.class)
	ResponseEntity<Map<String, Object>> notFound(NotFound ex) {
		return graphError(HttpStatus.NOT_FOUND, ex.getMessage(), 803);
	}

	private static ResponseEntity<Map<String, Object>> graphError(HttpStatus status, String message, int code) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("error", Map.of("message", message, "type", "OAuthException", "code", code)));
	}

}
