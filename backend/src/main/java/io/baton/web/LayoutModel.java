package io.baton.web;

import java.util.List;

import reactor.core.publisher.Mono;

import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.TenantManagement;
import io.baton.tenancy.TenantMembership;
import io.baton.tokens.PageTokens;

import org.springframework.security.web.reactive.result.view.CsrfRequestDataValueProcessor;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

/**
 * What the shared layout shows on every page: the signed-in user, the tenant switcher,
 * pending flash messages, and the CSRF token that forms carry.
 */
@ControllerAdvice
class LayoutModel {

	private final TenantManagement tenants;

	private final PageTokens tokens;

	LayoutModel(TenantManagement tenants, PageTokens tokens) {
		this.tenants = tenants;
		this.tokens = tokens;
	}

	@ModelAttribute("user")
	Mono<io.baton.tenancy.SignedInUser> user() {
		return TenantArguments.signedInUser();
	}

	@ModelAttribute("memberships")
	Mono<List<TenantMembership>> memberships() {
		return TenantArguments.signedInUser()
			.flatMap((user) -> this.tenants.tenantsOf(user.id()).collectList())
			.defaultIfEmpty(List.of());
	}

	/**
	 * How many of the current tenant's page tokens stopped working: the banner that leads
	 * to the fix.
	 */
	@ModelAttribute("invalidTokens")
	Mono<Long> invalidTokens(ServerWebExchange exchange) {
		// resolved when the page renders, after the handler entered the tenant
		return Mono.defer(() -> Mono.justOrEmpty(exchange.<CurrentTenant>getAttribute(TenantArguments.CURRENT_TENANT)))
			.flatMap(this.tokens::invalidCount)
			.defaultIfEmpty(0L);
	}

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
