package io.baton.sandbox.graph;

import java.util.Map;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.accounts.SandboxApp;
import io.baton.sandbox.accounts.SandboxApps;
import io.baton.sandbox.login.AuthorizationCodes;
import io.baton.sandbox.login.Redemption;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code /oauth/access_token}, by GET query or POST form: an authorization code (with or
 * without {@code grant_type=authorization_code}) for a short-lived user token,
 * {@code fb_exchange_token} for a long-lived one, {@code client_credentials} for an app
 * token.
 */
@RestController
@ConditionalOnSandbox
class TokenEndpoint {

	private final SandboxApps apps;

	private final AuthorizationCodes codes;

	private final AccessTokens tokens;

	TokenEndpoint(SandboxApps apps, AuthorizationCodes codes, AccessTokens tokens) {
		this.apps = apps;
		this.codes = codes;
		this.tokens = tokens;
	}

	@RequestMapping(path = "/sandbox/graph/{version:v\\d+\\.\\d+}/oauth/access_token",
			method = { RequestMethod.GET, RequestMethod.POST })
	Mono<Map<String, Object>> accessToken(ServerWebExchange exchange) {
		return GraphRequest.of(exchange).flatMap(this::grant);
	}

	private Mono<Map<String, Object>> grant(GraphRequest request) {
		String grantType = request.parameter("grant_type");
		return authenticatedApp(request).flatMap((app) -> switch (grantType) {
			case "", "authorization_code" -> exchangeCode(request, app);
			case "fb_exchange_token" -> extend(request, app);
			case "client_credentials" -> this.tokens.issueApp(app.id());
			default -> Mono.error(GraphError.unsupportedGrantType());
		});
	}

	private Mono<SandboxApp> authenticatedApp(GraphRequest request) {
		String clientId = request.parameter("client_id");
		if (clientId.isEmpty()) {
			return Mono.error(GraphError.missingClientId());
		}
		return this.apps.find(clientId)
			.switchIfEmpty(Mono.error(GraphError::unknownApp))
			.filter((app) -> app.secretMatches(request.parameter("client_secret")))
			.switchIfEmpty(Mono.error(GraphError::wrongClientSecret));
	}

	private Mono<Map<String, Object>> exchangeCode(GraphRequest request, SandboxApp app) {
		String code = request.parameter("code");
		String redirectUri = request.parameter("redirect_uri");
		if (code.isEmpty()) {
			return Mono.error(GraphError.badCode());
		}
		if (redirectUri.isEmpty()) {
			return Mono.error(GraphError.missingRedirectUri());
		}
		return this.codes.redeem(code, app.id(), redirectUri).flatMap((redemption) -> tokenFor(app, redemption));
	}

	private Mono<Map<String, Object>> tokenFor(SandboxApp app, Redemption redemption) {
		if (redemption instanceof Redemption.Redeemed redeemed) {
			return this.tokens.issueShortLived(app.id(), redeemed.userId());
		}
		if (redemption instanceof Redemption.AlreadyUsed) {
			return Mono.error(GraphError.usedCode());
		}
		if (redemption instanceof Redemption.Expired) {
			return Mono.error(GraphError.expiredCode());
		}
		if (redemption instanceof Redemption.RedirectUriMismatch) {
			return Mono.error(GraphError.redirectUriMismatch());
		}
		return Mono.error(GraphError.badCode());
	}

	private Mono<Map<String, Object>> extend(GraphRequest request, SandboxApp app) {
		String shortLived = request.parameter("fb_exchange_token");
		if (shortLived.isEmpty()) {
			return Mono.error(GraphError.missingParameter("fb_exchange_token"));
		}
		return this.tokens.check(shortLived)
			.filter((caller) -> caller.isUser() && caller.app().id().equals(app.id()))
			.switchIfEmpty(Mono.error(GraphError::invalidToken))
			.flatMap((caller) -> this.tokens.issueLongLived(app.id(), caller.userId()));
	}

}
