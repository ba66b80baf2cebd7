package io.baton.sandbox.login;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.accounts.Grants;
import io.baton.sandbox.accounts.Permission;
import io.baton.sandbox.accounts.SandboxApp;
import io.baton.sandbox.accounts.SandboxApps;
import io.baton.sandbox.accounts.SandboxUser;
import io.baton.sandbox.accounts.SandboxUsers;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Facebook's Login dialog: pick or create a person, review the app's permissions
 * (declining any but {@code public_profile}), then Continue or Cancel back to the app's
 * redirect URI.
 */
@Controller
@ConditionalOnSandbox
class LoginDialog {

	private final SandboxApps apps;

	private final SandboxUsers users;

	private final Grants grants;

	private final AuthorizationCodes codes;

	private final DialogSessions sessions;

	LoginDialog(SandboxApps apps, SandboxUsers users, Grants grants, AuthorizationCodes codes,
			DialogSessions sessions) {
		this.apps = apps;
		this.users = users;
		this.grants = grants;
		this.codes = codes;
		this.sessions = sessions;
	}

	@ModelAttribute("_csrf")
	Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		return (token != null) ? token : Mono.empty();
	}

	@GetMapping({ "/sandbox/dialog/oauth", "/sandbox/{version:v\\d+\\.\\d+}/dialog/oauth" })
	Mono<Rendering> show(ServerWebExchange exchange) {
		DialogRequest request = DialogRequest.from(exchange.getRequest().getQueryParams());
		return check(request).flatMap((app) -> this.sessions.current(exchange)
			.flatMap((user) -> consentPage(request, app, user))
			.switchIfEmpty(Mono.defer(() -> choosePersonPage(request, app))));
	}

	@PostMapping("/sandbox/dialog/oauth/person")
	Mono<Rendering> signIn(ServerWebExchange exchange) {
		return exchange.getFormData().flatMap((form) -> {
			DialogRequest request = DialogRequest.from(form);
			return check(request).then(chosenPerson(form))
				.flatMap((user) -> this.sessions.signIn(exchange, user))
				.thenReturn(Rendering.redirectTo(request.dialogUrl()).build());
		});
	}

	@PostMapping("/sandbox/dialog/oauth/logout")
	Mono<Rendering> signOut(ServerWebExchange exchange) {
		return exchange.getFormData().flatMap((form) -> {
			DialogRequest request = DialogRequest.from(form);
			return this.sessions.signOut(exchange).thenReturn(Rendering.redirectTo(request.dialogUrl()).build());
		});
	}

	@PostMapping("/sandbox/dialog/oauth/confirm")
	Mono<Rendering> confirm(ServerWebExchange exchange) {
		return exchange.getFormData().flatMap((form) -> {
			DialogRequest request = DialogRequest.from(form);
			return check(request).flatMap((app) -> this.sessions.current(exchange)
				.flatMap((user) -> "cancel".equals(form.getFirst("decision")) ? Mono.just(cancelled(request))
						: consented(request, app, user, form))
				.map((target) -> Rendering.redirectTo(target.toString()).build())
				.defaultIfEmpty(Rendering.redirectTo(request.dialogUrl()).build()));
		});
	}

	@ExceptionHandler
	Rendering refused(DialogRefused refusal) {
		return Rendering.view("sandbox/dialog/refused")
			.modelAttribute("problem", refusal.title())
			.modelAttribute("message", refusal.getMessage())
			.status(HttpStatus.BAD_REQUEST)
			.build();
	}

	private Mono<SandboxApp> check(DialogRequest request) {
		if (!request.codeFlow()) {
			return Mono.error(DialogRefused.unsupportedResponseType());
		}
		return this.apps.find(request.clientId())
			.switchIfEmpty(Mono.error(DialogRefused::invalidAppId))
			.filter((app) -> app.registered(request.redirectUri()))
			.switchIfEmpty(Mono.error(DialogRefused::blockedUrl));
	}

	private Mono<Rendering> choosePersonPage(DialogRequest request, SandboxApp app) {
		return this.users.recent()
			.collectList()
			.map((people) -> Rendering.view("sandbox/dialog/choose-person")
				.modelAttribute("request", request)
				.modelAttribute("app", app)
				.modelAttribute("people", people)
				.build());
	}

	private Mono<Rendering> consentPage(DialogRequest request, SandboxApp app, SandboxUser user) {
		return declinedEarlier(request, app, user).map((declined) -> Rendering.view("sandbox/dialog/consent")
			.modelAttribute("request", request)
			.modelAttribute("app", app)
			.modelAttribute("person", user)
			.modelAttribute("choices",
					request.permissions()
						.stream()
						.map((permission) -> new PermissionChoice(permission,
								DialogRequest.PUBLIC_PROFILE.equals(permission), declined.contains(permission)))
						.toList())
			.build());
	}

	private Mono<URI> consented(DialogRequest request, SandboxApp app, SandboxUser user,
			MultiValueMap<String, String> form) {
		List<String> ticked = form.getOrDefault("permission", List.of());
		return declinedEarlier(request, app, user).map((declined) -> answers(request, ticked, declined))
			.flatMap((answers) -> this.grants.record(app.id(), user.id(), answers))
			.then(this.codes.issue(app.id(), user.id(), request.redirectUri()))
			.map((code) -> UriComponentsBuilder.fromUriString(request.redirectUri())
				.queryParam("code", "{code}")
				.queryParam("state", "{state}")
				.encode()
				.buildAndExpand(code, request.state())
				.toUri());
	}

	/**
	 * Permissions declined before, which the dialog does not ask again without rerequest.
	 */
	private Mono<Set<String>> declinedEarlier(DialogRequest request, SandboxApp app, SandboxUser user) {
		if (request.rerequest()) {
			return Mono.just(Set.of());
		}
		return this.grants.of(app.id(), user.id())
			.filter((permission) -> Permission.DECLINED.equals(permission.status()))
			.map(Permission::permission)
			.collect(Collectors.toSet());
	}

	private static List<Permission> answers(DialogRequest request, List<String> ticked, Set<String> declined) {
		return request.permissions()
			.stream()
			.filter((permission) -> !declined.contains(permission))
			.map((permission) -> (DialogRequest.PUBLIC_PROFILE.equals(permission) || ticked.contains(permission))
					? Permission.granted(permission) : Permission.declined(permission))
			.toList();
	}

	private static URI cancelled(DialogRequest request) {
		return UriComponentsBuilder.fromUriString(request.redirectUri())
			.queryParam("error", "access_denied")
			.queryParam("error_code", "200")
			.queryParam("error_description", "Permissions+error")
			.queryParam("error_reason", "user_denied")
			.queryParam("state", "{state}")
			.encode()
			.buildAndExpand(request.state())
			.toUri();
	}

	private Mono<SandboxUser> chosenPerson(MultiValueMap<String, String> form) {
		String name = String.valueOf(form.getFirst("name")).strip();
		if (form.getFirst("name") != null && !name.isEmpty()) {
			return this.users.create(name.substring(0, Math.min(name.length(), 80)));
		}
		String id = form.getFirst("person");
		return (id != null) ? this.users.find(id) : Mono.empty();
	}

}
