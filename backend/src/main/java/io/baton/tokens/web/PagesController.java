package io.baton.tokens.web;

import reactor.core.publisher.Mono;

import io.baton.tenancy.CurrentTenant;
import io.baton.tokens.PageTokens;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The tenant's page-token inventory. */
@Controller
class PagesController {

	private final PageTokens tokens;

	PagesController(PageTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping("/t/{tenantId}/pages")
	Mono<String> inventory(CurrentTenant current, Model model) {
		return this.tokens.inventory(current)
			.collectList()
			.doOnNext((list) -> model.addAttribute("tokens", list))
			.thenReturn("tokens/pages");
	}

}
