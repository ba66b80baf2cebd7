package io.baton.tenancy.web;

import java.util.Comparator;

import reactor.core.publisher.Mono;

import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.Members;
import io.baton.tenancy.SignedInUser;
import io.baton.tenancy.TenantManagement;
import io.baton.tenancy.TenantMembership;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;

/** The sign-in page, the landing redirect, and each tenant's dashboard home. */
@Controller
class HomeController {

	private final TenantManagement tenants;

	private final Members members;

	HomeController(TenantManagement tenants, Members members) {
		this.tenants = tenants;
		this.members = members;
	}

	@GetMapping("/login")
	String login(ServerWebExchange exchange, Model model) {
		MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
		model.addAttribute("loggedOut", query.containsKey("logout"));
		model.addAttribute("failed", query.containsKey("error"));
		return "tenancy/login";
	}

	/**
	 * A user goes to their first own tenant, else the demo, else is asked to create one.
	 */
	@GetMapping("/")
	Mono<String> home(SignedInUser user) {
		return this.tenants.tenantsOf(user.id())
			.sort(Comparator.comparing(TenantMembership::demo))
			.next()
			.map((membership) -> "redirect:/t/" + membership.tenantId())
			.defaultIfEmpty("redirect:/tenants/new");
	}

	@GetMapping("/t/{tenantId}")
	Mono<String> dashboard(CurrentTenant current, Model model) {
		return this.members.list(current)
			.count()
			.doOnNext((count) -> model.addAttribute("memberCount", count))
			.thenReturn("tenancy/home");
	}

}
