package io.baton.web;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.security.web.reactive.result.view.CsrfRequestDataValueProcessor;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

/**
 * What the shared layout shows on every page whatever the feature: pending flash messages
 * and the CSRF token that forms carry. Features add their own parts (the signed-in user
 * and tenant switcher come from {@code tenancy}, the token banner from {@code tokens}).
 */
@ControllerAdvice
class LayoutModel {

	@ModelAttribute("flashes")
	Mono<List<Flash>> flashes(ServerWebExchange exchange) {
		return Flash.take(exchange);
	}

	@ModelAttribute("_csrf")
	Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		if (token == null) {
			return Mono.empty();
		}
		return token.doOnSuccess((resolved) -> exchange.getAttributes()
			.put(CsrfRequestDataValueProcessor.DEFAULT_CSRF_ATTR_NAME, resolved));
	}

}
