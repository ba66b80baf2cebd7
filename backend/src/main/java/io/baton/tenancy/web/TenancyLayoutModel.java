package io.baton.tenancy.web;

import java.util.List;

import reactor.core.publisher.Mono;

import io.baton.tenancy.SignedInUser;
import io.baton.tenancy.TenantManagement;
import io.baton.tenancy.TenantMembership;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The layout's signed-in user and tenant switcher, on every page. */
@ControllerAdvice
class TenancyLayoutModel {

	private final TenantManagement tenants;

	TenancyLayoutModel(TenantManagement tenants) {
		this.tenants = tenants;
	}

	@ModelAttribute("user")
	Mono<SignedInUser> user() {
		return TenantArguments.signedInUser();
	}

	@ModelAttribute("memberships")
	Mono<List<TenantMembership>> memberships() {
		return TenantArguments.signedInUser()
			.flatMap((user) -> this.tenants.tenantsOf(user.id()).collectList())
			.defaultIfEmpty(List.of());
	}

}
