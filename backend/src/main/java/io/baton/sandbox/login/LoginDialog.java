package io.baton.sandbox.login;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.accounts.Grants;
import io.baton.sandbox.accounts.PageGrants;
import io.baton.sandbox.accounts.Permission;
import io.baton.sandbox.accounts.SandboxApp;
import io.baton.sandbox.accounts.SandboxApps;
import io.baton.sandbox.accounts.SandboxPage;
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
 * (declining any but {@code public_profile}), choose the pages to grant when a page
 * permission was granted, then back to the app's redirect URI with a code (or, on Cancel,
 * an error).
 */
@Controller
@ConditionalOnSandbox
class LoginDialog {

	private final SandboxApps apps;

	private final SandboxUsers users;

	private final Grants grants;

	private final AuthorizationCodes codes;

	private final DialogSessions sessions;

	private final PageGrants pageGrants;

	LoginDialog(SandboxApps apps, SandboxUsers users, Grants grants, AuthorizationCodes codes, DialogSessions sessions,
			PageGrants pageGrants) {
		this.apps = apps;
		this.users = users;
		this.grants = grants;
		this.codes = codes;
		this.sessions = sessions;
		this.pageGrants = pageGrants;
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
				.flatMap((user) -> "cancel".equals(form.getFirst("decision")) ? Mono.just(redirect(cancelled(request)))
						: consented(request, app, user, form))
				.defaultIfEmpty(Rendering.redirectTo(request.dialogUrl()).build()));
		});
	}

	/** The pages the person chose to grant; then back to the app with a code. */
	@PostMapping("/sandbox/dialog/oauth/pages")
	Mono<Rendering> choosePages(ServerWebExchange exchange) {
		return exchange.getFormData().flatMap((form) -> {
			DialogRequest request = DialogRequest.from(form);
			List<String> chosen = form.getOrDefault("page", List.of());
			return check(request).flatMap((app) -> this.sessions.current(exchange)
				.filterWhen((user) -> this.grants.of(app.id(), user.id()).hasElements())
				.flatMap((user) -> this.pageGrants.choose(app.id(), user.id(), chosen)
					.then(codeRedirect(request, app, user)))
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

	private Mono<Rendering> consented(DialogRequest request, SandboxApp app, SandboxUser user,
			MultiValueMap<String, String> form) {
		List<String> ticked = form.getOrDefault("permission", List.of());
		return declinedEarlier(request, app, user).map((declined) -> answers(request, ticked, declined))
			.flatMap((answers) -> this.grants.record(app.id(), user.id(), answers).thenReturn(answers))
			.flatMap((answers) -> pagesToOffer(request, app, user, answers))
			.flatMap((pages) -> pages.isEmpty() ? codeRedirect(request, app, user)
					: Mono.just(Rendering.view("sandbox/dialog/choose-pages")
						.modelAttribute("request", request)
						.modelAttribute("app", app)
						.modelAttribute("person", user)
						.modelAttribute("pages", pages)
						.build()));
	}

	/**
	 * The pages to let the person choose from: theirs, when a page permission was granted
	 * and they never chose pages for this app (or the app asks again with rerequest).
	 */
	private Mono<List<SandboxPage>> pagesToOffer(DialogRequest request, SandboxApp app, SandboxUser user,
			List<Permission> answers) {
		boolean pagePermission = answers.stream()
			.anyMatch(
					(answer) -> answer.permission().startsWith("pages_") && Permission.GRANTED.equals(answer.status()));
		if (!pagePermission) {
			return Mono.just(List.of());
		}
		Mono<Boolean> ask = request.rerequest() ? Mono.just(true)
				: this.pageGrants.anyChosen(app.id(), user.id()).map((chosen) -> !chosen);
		return ask.flatMap((asking) -> asking ? this.pageGrants.offerable(user.id()).collectList()
				: Mono.just(List.<SandboxPage>of()));
	}

	private Mono<Rendering> codeRedirect(DialogRequest request, SandboxApp app, SandboxUser user) {
		return this.codes.issue(app.id(), user.id(), request.redirectUri())
			.map((code) -> redirect(UriComponentsBuilder.fromUriString(request.redirectUri())
				.queryParam("code", "{code}")
				.queryParam("state", "{state}")
				.encode()
				.buildAndExpand(code, request.state())
				.toUri()));
	}

	private static Rendering redirect(URI target) {
		return Rendering.redirectTo(target.toString()).build();
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
