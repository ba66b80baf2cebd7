package io.baton.tenancy.web;

import reactor.core.publisher.Mono;

import io.baton.tenancy.Invitations;
import io.baton.tenancy.SignedInUser;
import io.baton.web.Flash;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

/** Opening and accepting an invitation link (after signing in). */
@Controller
class InvitationController {

	private final Invitations invitations;

	InvitationController(Invitations invitations) {
		this.invitations = invitations;
	}

	@GetMapping("/invitations/{token}")
	Mono<String> open(@PathVariable String token, Model model) {
		model.addAttribute("token", token);
		return this.invitations.open(token)
			.doOnNext((preview) -> model.addAttribute("invitation", preview))
			.thenReturn("tenancy/invitation");
	}

	@PostMapping("/invitations/{token}/accept")
	Mono<String> accept(@PathVariable String token, SignedInUser user, ServerWebExchange exchange) {
		return this.invitations.accept(token, user)
			.flatMap((joined) -> Flash.success(exchange,
					joined.waitsForConfirmation()
							? "Welcome! You joined the tenant as a viewer; an owner or admin confirms your admin role."
							: "Welcome! You joined the tenant.")
				.thenReturn("redirect:/t/" + joined.tenant()));
	}

}
