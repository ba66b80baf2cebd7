package io.baton.botapi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import reactor.core.publisher.Mono;

import io.baton.api.ApiKeyAuthentication;
import io.baton.api.KeyGuesses;
import io.baton.apps.ApiKeyHolder;
import io.baton.apps.ApiKeyRevoked;
import io.baton.apps.ApiKeys;
import io.baton.apps.AppDirectory;
import io.baton.secrets.Hmac;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;

/**
 * The bot API's own security chain: stateless (no session, no cookie), no CSRF, every
 * call authenticated by an app's key presented where Graph takes a token, with
 * {@code appsecret_proof} checked against the app's secret when sent. Every refusal is
 * Graph's error object, never a problem document or a redirect.
 */
@Configuration(proxyBeanMethods = false)
class BotApiSecurity {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 5)
	SecurityWebFilterChain botApiFilterChain(ServerHttpSecurity http, ApiKeys keys, AppDirectory apps,
			GraphAnswers answers, BotApiSettings settings, KeyGuesses guesses) {
		return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/graph/**"))
			.authorizeExchange((exchanges) -> exchanges.anyExchange().hasAuthority(ApiKeyAuthentication.AUTHORITY))
			.addFilterBefore(guessedKeysWait(guesses, answers), SecurityWebFiltersOrder.AUTHENTICATION)
			.addFilterAt(keyFilter(keys, apps, answers, settings, guesses), SecurityWebFiltersOrder.AUTHENTICATION)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.exceptionHandling((handling) -> handling
				.authenticationEntryPoint((exchange, missing) -> answers.write(exchange, GraphRefusal.tokenRequired()))
				.accessDeniedHandler((exchange, denied) -> answers.write(exchange, GraphRefusal.tokenRequired())))
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.build();
	}

	/**
	 * An address that has sent too many bad keys gets Graph's rate limit, before any
	 * lookup.
	 */
	private static WebFilter guessedKeysWait(KeyGuesses guesses, GraphAnswers answers) {
		return (exchange, chain) -> guesses.spent(exchange) ? answers.write(exchange, GraphRefusal.tooManyBadKeys())
				: chain.filter(exchange);
	}

	private static AuthenticationWebFilter keyFilter(ApiKeys keys, AppDirectory apps, GraphAnswers answers,
			BotApiSettings settings, KeyGuesses guesses) {
		AuthenticationWebFilter filter = new AuthenticationWebFilter(keyManager(keys, apps));
		filter.setServerAuthenticationConverter((exchange) -> presentedKey(exchange, settings));
		filter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
		filter.setAuthenticationFailureHandler((exchange, failure) -> {
			GraphRefusal refusal = (failure instanceof KeyRefused refused) ? refused.refusal
					: GraphRefusal.unknownKey();
			if (refusal.code() == 190) {
				guesses.refused(exchange.getExchange());
			}
			return answers.write(exchange.getExchange(), refusal);
		});
		return filter;
	}

	/**
	 * The key and proof presented; a body Graph could not read is refused here already,
	 * since the key may be in it.
	 */
	private static Mono<Authentication> presentedKey(ServerWebExchange exchange, BotApiSettings settings) {
		return BotCall.of(exchange, settings.maxBody())
			.filter((call) -> call.key() != null)
			.<Authentication>map(
					(call) -> UsernamePasswordAuthenticationToken.unauthenticated(call.appsecretProof(), call.key()))
			.onErrorMap(GraphRefusal.class, KeyRefused::new);
	}

	private static ReactiveAuthenticationManager keyManager(ApiKeys keys, AppDirectory apps) {
		return (attempt) -> {
			String key = String.valueOf(attempt.getCredentials());
			String proof = String.valueOf(attempt.getPrincipal());
			return keys.authenticate(key)
				.onErrorMap(ApiKeyRevoked.class, (revoked) -> new KeyRefused(GraphRefusal.revokedKey()))
				.switchIfEmpty(Mono.error(() -> new KeyRefused(GraphRefusal.unknownKey())))
				.flatMap((holder) -> proof.isEmpty() ? Mono.just(holder) : checkProof(apps, holder, key, proof))
				.map(ApiKeyAuthentication::new);
		};
	}

	/** {@code appsecret_proof}: hex HMAC-SHA256 of the key, keyed with the app secret. */
	private static Mono<ApiKeyHolder> checkProof(AppDirectory apps, ApiKeyHolder holder, String key, String proof) {
		return apps.lookUp(holder.app())
			.filter((app) -> MessageDigest.isEqual(
					Hmac.hex(Hmac.SHA256, app.appSecret(), key.getBytes(StandardCharsets.UTF_8))
						.getBytes(StandardCharsets.US_ASCII),
					proof.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII)))
			.map((app) -> holder)
			.switchIfEmpty(Mono.error(() -> new KeyRefused(GraphRefusal.appsecretProofInvalid())));
	}

	private static final class KeyRefused extends AuthenticationException {

		private final transient GraphRefusal refusal;

		KeyRefused(GraphRefusal refusal) {
			super(refusal.getMessage());
			this.refusal = refusal;
		}

	}

}
