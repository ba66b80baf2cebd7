package io.baton.tokens;

import reactor.core.publisher.Mono;

import io.baton.secrets.Resealable;
import io.baton.tenancy.TenantId;

import org.springframework.stereotype.Component;

/** Key rotation for the page tokens the vault keeps. */
@Component
class PageTokenSeals implements Resealable {

	private final PageTokens tokens;

	PageTokenSeals(PageTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public String what() {
		return "page tokens";
	}

	@Override
	public Mono<Long> reseal(TenantId tenant) {
		return this.tokens.resealTokens(tenant);
	}

}
