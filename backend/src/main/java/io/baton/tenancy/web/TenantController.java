package io.baton.tenancy.web;

import reactor.core.publisher.Mono;

import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.Members;
import io.baton.tenancy.SignedInUser;
import io.baton.tenancy.TenantManagement;
import io.baton.web.Flash;
import io.baton.web.Forms;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

/** Creating a tenant, and its settings: rename, leave, delete. */
@Controller
class TenantController {

	private final TenantManagement tenants;

	private final Members members;

	TenantController(TenantManagement tenants, Members members) {
		this.tenants = tenants;
		this.members = members;
	}

	@GetMapping("/tenants/new")
	String newTenant() {
		return "tenancy/new";
	}

	@PostMapping("/tenants")
	Mono<String> create(SignedInUser user, ServerWebExchange exchange) {
		return Forms.field(exchange, "name")
			.flatMap((name) -> this.tenants.create(user, name))
			.flatMap((tenant) -> Flash.success(exchange, "Your tenant is ready. You are its owner.")
				.thenReturn("redirect:/t/" + tenant));
	}

	@GetMapping("/t/{tenantId}/settings")
	String settings(CurrentTenant current) {
		return "tenancy/settings";
	}

	@PostMapping("/t/{tenantId}/rename")
	Mono<String> rename(CurrentTenant current, ServerWebExchange exchange) {
		return Forms.field(exchange, "name")
			.flatMap((name) -> this.tenants.rename(current, name))
			.then(Flash.success(exchange, "Tenant renamed."))
			.thenReturn("redirect:/t/" + current.id() + "/settings");
	}

	@PostMapping("/t/{tenantId}/leave")
	Mono<String> leave(CurrentTenant current, ServerWebExchange exchange) {
		return this.members.leave(current)
			.then(Flash.success(exchange, "You left " + current.name() + "."))
			.thenReturn("redirect:/");
	}

	@PostMapping("/t/{tenantId}/delete")
	Mono<String> delete(CurrentTenant current, ServerWebExchange exchange) {
		return Forms.field(exchange, "confirmation")
			.flatMap((confirmation) -> this.tenants.delete(current, confirmation))
			.then(Flash.success(exchange, current.name() + " and all its data were deleted."))
			.thenReturn("redirect:/");
	}

}
