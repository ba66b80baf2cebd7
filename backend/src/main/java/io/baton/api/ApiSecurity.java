package io.baton.api;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.baton.apps.ApiKeyRevoked;
import io.baton.apps.ApiKeys;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;

/**
 * The API's own security chain, ahead of the dashboard's. {@code Authorization: Bearer
 * bk_…} authenticates the request as that key's app, statelessly and without CSRF; with
 * no bearer the dashboard session is read, and a session's changes need the CSRF token
 * like a form's. Key paths ({@code /api/v1/apps/…}, {@code /api/v1/deliveries/…}) need a
 * key; tenant paths ({@code /api/v1/tenants/{tenantId}/…}) need a session.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

	private static final String DOCS = "/v3/api-docs";

	private static final String TENANT_PATHS = "/api/v1/tenants/**";

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	SecurityWebFilterChain apiFilterChain(ServerHttpSecurity http, ApiKeys keys, ApiProblems errors,
			KeyGuesses guesses) {
		return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/v1/**", DOCS, DOCS + "/**"))
			.authorizeExchange((exchanges) -> exchanges.pathMatchers(DOCS, DOCS + "/**")
				.permitAll()
				.pathMatchers(TENANT_PATHS)
				.access(ApiSecurity::staffSession)
				.anyExchange()
				.hasAuthority(ApiKeyAuthentication.AUTHORITY))
			.addFilterBefore(guessedKeysWait(guesses, errors), SecurityWebFiltersOrder.AUTHENTICATION)
			.addFilterAt(bearerKeys(keys, errors, guesses), SecurityWebFiltersOrder.AUTHENTICATION)
			.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(ApiSecurity::sessionChanges)
				.accessDeniedHandler((exchange, denied) -> errors.forbidden(exchange,
						"A signed-in session changes things only with its CSRF token (header X-CSRF-TOKEN).")))
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.exceptionHandling((handling) -> handling
				.authenticationEntryPoint((exchange, missing) -> errors.unauthorized(exchange,
						"Send an API key as Authorization: Bearer bk_…, or sign in."))
				.accessDeniedHandler((exchange, denied) -> errors.forbidden(exchange, wrongCaller(exchange))))
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.build();
	}

	private static AuthenticationWebFilter bearerKeys(ApiKeys keys, ApiProblems errors, KeyGuesses guesses) {
		AuthenticationWebFilter filter = new AuthenticationWebFilter(keyManager(keys));
		filter.setServerAuthenticationConverter(ApiSecurity::bearer);
		filter.setAuthenticationFailureHandler((exchange, failure) -> {
			guesses.refused(exchange.getExchange());
			return errors.unauthorized(exchange.getExchange(), failure.getMessage());
		});
		return filter;
	}

	/** A key from an address that has guessed too much waits, before any lookup. */
	private static WebFilter guessedKeysWait(KeyGuesses guesses, ApiProblems errors) {
		return (exchange, chain) -> {
			if (isBearer(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION))
					&& guesses.spent(exchange)) {
				exchange.getResponse()
					.getHeaders()
					.set(HttpHeaders.RETRY_AFTER, Long.toString(guesses.retryAfterSeconds()));
				return errors.tooManyRequests(exchange,
						"Too many unknown or revoked API keys from this address; try again later.");
			}
			return chain.filter(exchange);
		};
	}

	/**
	 * Any bearer header is a key attempt, so a bad one never falls back to the session.
	 */
	private static Mono<Authentication> bearer(ServerWebExchange exchange) {
		String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (!isBearer(header)) {
			return Mono.empty();
		}
		return Mono.just(UsernamePasswordAuthenticationToken.unauthenticated("", header.substring(7).strip()));
	}

	/**
	 * The one test of "this request carries an API key": the key filter and the CSRF
	 * exemption must agree, or a session request with another scheme skips CSRF.
	 */
	private static boolean isBearer(@Nullable String header) {
		return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
	}

	private static ReactiveAuthenticationManager keyManager(ApiKeys keys) {
		return (attempt) -> keys.authenticate(String.valueOf(attempt.getCredentials()))
			.<Authentication>map(ApiKeyAuthentication::new)
			.onErrorMap(ApiKeyRevoked.class, (revoked) -> new KeyRefused(revoked.getMessage()))
			.switchIfEmpty(Mono.error(() -> new KeyRefused("Unknown API key.")));
	}

	private static Mono<AuthorizationResult> staffSession(Mono<Authentication> authentication,
			AuthorizationContext context) {
		return authentication.map((caller) -> caller.isAuthenticated() && !(caller instanceof ApiKeyAuthentication))
			.defaultIfEmpty(false)
			.map(AuthorizationDecision::new);
	}

	private static Mono<MatchResult> sessionChanges(ServerWebExchange exchange) {
		boolean safe = Set.of("GET", "HEAD", "OPTIONS", "TRACE").contains(exchange.getRequest().getMethod().name());
		boolean bearer = isBearer(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
		return (safe || bearer) ? MatchResult.notMatch() : MatchResult.match();
	}

	private static String wrongCaller(ServerWebExchange exchange) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		return path.startsWith("/api/v1/tenants/")
				? "API keys act only for their own app, at /api/v1/apps/{appId}/… and /api/v1/deliveries/…."
				: "This path needs an API key; signed-in staff use /api/v1/tenants/{tenantId}/….";
	}

	private static final class KeyRefused extends AuthenticationException {

		KeyRefused(String message) {
			super(message);
		}

	}

}
