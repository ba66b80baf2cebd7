package io.baton.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import io.baton.apps.ApiKeyRevoked;
import io.baton.platform.NotAllowed;
import io.baton.platform.NotFound;
import io.baton.platform.Rejected;
import io.baton.platform.TooMany;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Every error of {@code /api/v1} as problem details, in one place: the API's own
 * controllers' exceptions (before the dashboard's error pages see them), failures before
 * any controller is chosen (an unknown path, a wrong method), and the security chain's
 * refusals. Unexpected failures are logged once and answered without their message.
 */
@RestControllerAdvice(annotations = JsonApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems implements WebExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ApiProblems.class);

	static final String PATH = "/api/v1/";

	private final JsonMapper json;

	ApiProblems(JsonMapper json) {
		this.json = json;
	}

	@ExceptionHandler
	ResponseEntity<Problem> failed(Exception failure, ServerWebExchange exchange) {
		Problem problem = problemOf(failure, path(exchange));
		return ResponseEntity.status(problem.status())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.headers((headers) -> challenge(headers, problem))
			.body(problem);
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
		if (!path(exchange).startsWith(PATH) || exchange.getResponse().isCommitted()) {
			return Mono.error(failure);
		}
		return write(exchange, problemOf(failure, path(exchange)));
	}

	/** Answers {@code problem} directly, as the security chain must. */
	Mono<Void> write(ServerWebExchange exchange, Problem problem) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.valueOf(problem.status()));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		challenge(response.getHeaders(), problem);
		byte[] body = this.json.writeValueAsBytes(problem);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}

	Mono<Void> unauthorized(ServerWebExchange exchange, String detail) {
		return write(exchange, Problem.of(HttpStatus.UNAUTHORIZED, "unauthorized", detail, path(exchange)));
	}

	Mono<Void> tooManyRequests(ServerWebExchange exchange, String detail) {
		return write(exchange, Problem.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", detail, path(exchange)));
	}

	Mono<Void> forbidden(ServerWebExchange exchange, String detail) {
		return write(exchange, Problem.of(HttpStatus.FORBIDDEN, "forbidden", detail, path(exchange)));
	}

	static Problem problemOf(Throwable failure, String instance) {
		if (failure instanceof BadParameter) {
			return Problem.of(HttpStatus.BAD_REQUEST, "bad-parameter", failure.getMessage(), instance);
		}
		if (failure instanceof ServerWebInputException input) {
			return Problem.of(HttpStatus.BAD_REQUEST, "bad-parameter", String.valueOf(input.getReason()), instance);
		}
		if (failure instanceof NotFound) {
			return Problem.of(HttpStatus.NOT_FOUND, "not-found", failure.getMessage(), instance);
		}
		if (failure instanceof NotAllowed) {
			return Problem.of(HttpStatus.FORBIDDEN, "forbidden", failure.getMessage(), instance);
		}
		if (failure instanceof TooMany) {
			return Problem.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", failure.getMessage(), instance);
		}
		if (failure instanceof Rejected) {
			return Problem.of(HttpStatus.CONFLICT, "rejected", failure.getMessage(), instance);
		}
		if (failure instanceof ApiKeyRevoked) {
			return Problem.of(HttpStatus.UNAUTHORIZED, "unauthorized", failure.getMessage(), instance);
		}
		if (failure instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError()) {
			HttpStatus code = HttpStatus.valueOf(status.getStatusCode().value());
			return Problem.of(code, slugOf(code),
					(status.getReason() != null) ? status.getReason() : code.getReasonPhrase(), instance);
		}
		logger.error("Unexpected failure of {}", instance, failure);
		return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Baton could not answer; it has been logged.",
				instance);
	}

	private static String slugOf(HttpStatus status) {
		return (status == HttpStatus.NOT_FOUND) ? "not-found"
				: status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
	}

	private static void challenge(HttpHeaders headers, Problem problem) {
		if (problem.status() == HttpStatus.UNAUTHORIZED.value()) {
			headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"baton\"");
		}
	}

	private static String path(ServerWebExchange exchange) {
		return exchange.getRequest().getPath().pathWithinApplication().value();
	}

}
