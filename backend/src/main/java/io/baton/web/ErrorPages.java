package io.baton.web;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import io.baton.platform.NotAllowed;
import io.baton.platform.NotFound;
import io.baton.platform.Rejected;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * Maps the dashboard's expected failures to pages, in one place: a rejected request goes
 * back where it came from with the reason shown; a missing or foreign resource is a 404
 * and a forbidden action a 403, both on {@code error.html}.
 */
@ControllerAdvice
class ErrorPages {

	private static final Logger logger = LoggerFactory.getLogger(ErrorPages.class);

	@ExceptionHandler(Rejected.class)
	Mono<String> rejected(Rejected ex, ServerWebExchange exchange) {
		return Flash.error(exchange, ex.getMessage()).thenReturn("redirect:" + backTo(exchange));
	}

	@ExceptionHandler(NotFound.class)
	String notFound(NotFound ex, ServerWebExchange exchange, Model model) {
		return errorPage(exchange, model, HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(NotAllowed.class)
	String notAllowed(NotAllowed ex, ServerWebExchange exchange, Model model) {
		return errorPage(exchange, model, HttpStatus.FORBIDDEN, ex.getMessage());
	}

	@ExceptionHandler(ServerWebInputException.class)
	String badInput(ServerWebInputException ex, ServerWebExchange exchange, Model model) {
		logger.debug("Bad input on {}: {}", exchange.getRequest().getPath(), ex.getReason());
		return errorPage(exchange, model, HttpStatus.BAD_REQUEST, "That request was not understood.");
	}

	private static String errorPage(ServerWebExchange exchange, Model model, HttpStatus status, String message) {
		exchange.getResponse().setStatusCode(status);
		model.addAttribute("status", status.value());
		model.addAttribute("error", status.getReasonPhrase());
		model.addAttribute("message", message);
		return "error";
	}

	/**
	 * A path on this origin: one slash, then not a second slash or a backslash, which
	 * browsers read as the start of another host ({@code //evil.example}).
	 */
	static boolean localPath(String path) {
		return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\")
				&& !path.regionMatches(true, 0, "/%5C", 0, 4) && !path.regionMatches(true, 0, "/%2F", 0, 4);
	}

	/** The same-origin page the form was on, else the home page. */
	static String backTo(ServerWebExchange exchange) {
		String referer = exchange.getRequest().getHeaders().getFirst("Referer");
		if (referer == null) {
			return "/";
		}
		try {
			URI uri = URI.create(referer);
			URI self = exchange.getRequest().getURI();
			boolean sameOrigin = uri.getHost() == null
					|| (uri.getHost().equals(self.getHost()) && uri.getPort() == self.getPort());
			String path = uri.getRawPath();
			return (sameOrigin && path != null && localPath(path))
					? path + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "") : "/";
		}
		catch (IllegalArgumentException ex) {
			return "/";
		}
	}

}
