package io.baton.tokens.web;

import reactor.core.publisher.Mono;

import io.baton.tenancy.web.TenantArguments;
import io.baton.tokens.PageTokens;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

/**
 * How many of the current tenant's page tokens stopped working: the banner on every page
 * that leads to the fix.
 */
@ControllerAdvice
class TokensLayoutModel {

	private final PageTokens tokens;

	TokensLayoutModel(PageTokens tokens) {
		this.tokens = tokens;
	}

	@ModelAttribute("invalidTokens")
	Mono<Long> invalidTokens(ServerWebExchange exchange) {
		// resolved when the page renders, after the handler entered the tenant
		return Mono.defer(() -> TenantArguments.enteredTenant(exchange))
			.flatMap(this.tokens::invalidCount)
			.defaultIfEmpty(0L);
	}

}
