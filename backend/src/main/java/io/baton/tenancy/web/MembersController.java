package io.baton.tenancy.web;

import java.util.UUID;

import reactor.core.publisher.Mono;

import io.baton.platform.BatonSettings;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.Invitations;
import io.baton.tenancy.Members;
import io.baton.platform.NotFound;
import io.baton.platform.Rejected;
import io.baton.tenancy.Role;
import io.baton.tenancy.UserId;
import io.baton.web.Flash;
import io.baton.web.Forms;
import io.baton.web.Dates;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

/** Members and invitations of a tenant. */
@Controller
class MembersController {

	private final Members members;

	private final Invitations invitations;

	private final BatonSettings settings;

	MembersController(Members members, Invitations invitations, BatonSettings settings) {
		this.members = members;
		this.invitations = invitations;
		this.settings = settings;
	}

	@GetMapping("/t/{tenantId}/members")
	Mono<String> members(CurrentTenant current, Model model) {
		model.addAttribute("roles", Role.values());
		model.addAttribute("invitableRoles", new Role[] { Role.ADMIN, Role.AGENT, Role.VIEWER });
		Mono<Void> invitationsIfAllowed = current.role().managesMembers() ? this.invitations.list(current)
			.collectList()
			.doOnNext((list) -> model.addAttribute("invitations", list))
			.then() : Mono.empty();
		return this.members.list(current)
			.collectList()
			.doOnNext((list) -> model.addAttribute("members", list))
			.then(invitationsIfAllowed)
			.thenReturn("tenancy/members");
	}

	@PostMapping("/t/{tenantId}/invitations")
	Mono<String> invite(CurrentTenant current, ServerWebExchange exchange) {
		return exchange.getFormData()
			.flatMap((form) -> this.invitations.invite(current, nonNull(form.getFirst("email")),
					role(form.getFirst("role"))))
			.flatMap((link) -> Flash.withLink(exchange,
					"Invitation for " + link.email() + " created. Send them this link; it works until "
							+ Dates.format(link.expiresAt()) + ":",
					this.settings.link(link.path())))
			.thenReturn(membersPage(current));
	}

	@PostMapping("/t/{tenantId}/invitations/{invitationId}/resend")
	Mono<String> resend(CurrentTenant current, @PathVariable String invitationId, ServerWebExchange exchange) {
		return this.invitations.resend(current, uuid(invitationId))
			.flatMap((link) -> Flash.withLink(exchange,
					"New link for " + link.email() + " (the previous one no longer works):",
					this.settings.link(link.path())))
			.thenReturn(membersPage(current));
	}

	@PostMapping("/t/{tenantId}/invitations/{invitationId}/revoke")
	Mono<String> revoke(CurrentTenant current, @PathVariable String invitationId, ServerWebExchange exchange) {
		return this.invitations.revoke(current, uuid(invitationId))
			.then(Flash.success(exchange, "Invitation revoked."))
			.thenReturn(membersPage(current));
	}

	@PostMapping("/t/{tenantId}/members/{userId}/role")
	Mono<String> changeRole(CurrentTenant current, @PathVariable String userId, ServerWebExchange exchange) {
		return Forms.field(exchange, "role")
			.flatMap((role) -> this.members.changeRole(current, member(userId), role(role)))
			.then(Flash.success(exchange, "Role changed."))
			.thenReturn(membersPage(current));
	}

	@PostMapping("/t/{tenantId}/members/{userId}/remove")
	Mono<String> remove(CurrentTenant current, @PathVariable String userId, ServerWebExchange exchange) {
		return this.members.remove(current, member(userId))
			.then(Flash.success(exchange, "Member removed."))
			.thenReturn(membersPage(current));
	}

	@PostMapping("/t/{tenantId}/members/{userId}/transfer")
	Mono<String> transfer(CurrentTenant current, @PathVariable String userId, ServerWebExchange exchange) {
		return this.members.transferOwnership(current, member(userId))
			.then(Flash.success(exchange, "Ownership transferred. You are now an admin."))
			.thenReturn(membersPage(current));
	}

	private static String membersPage(CurrentTenant current) {
		return "redirect:/t/" + current.id() + "/members";
	}

	private static Role role(String text) {
		return Role.parse(nonNull(text)).orElseThrow(() -> new Rejected("Choose a role."));
	}

	private static UserId member(String text) {
		return UserId.parse(text).orElseThrow(() -> new NotFound("No such member."));
	}

	private static UUID uuid(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFound("No such invitation.");
		}
	}

	private static String nonNull(String text) {
		return (text != null) ? text : "";
	}

}
