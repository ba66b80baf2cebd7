package io.baton.web;

import java.net.URI;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.server.ServerWebExchange;

/**
 * Baton's own security chain: everything but the sign-in page and static assets needs a
 * signed-in user (the actuator has a chain of its own, {@link ActuatorSecurity}); sign-in
 * is Facebook Login through Spring Security's OAuth2 client; forms carry CSRF tokens;
 * pages run under a Content-Security-Policy that allows no inline script.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
			+ " img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

	@Bean
	SecurityWebFilterChain batonSecurity(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations) {
		RedirectServerLogoutSuccessHandler loggedOut = new RedirectServerLogoutSuccessHandler();
		loggedOut.setLogoutSuccessUrl(URI.create("/login?logout"));
		return http
			.authorizeExchange((exchanges) -> exchanges
				.pathMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error")
				.permitAll()
				.pathMatchers("/webhooks/**", "/facebook/data-deletion/**", "/data-deletion/**")
				.permitAll()
				.anyExchange()
				.authenticated())
			.oauth2Login((login) -> login.loginPage("/login")
				.authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler("/login?error")))
			.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(WebSecurity::formsOfThePages))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessHandler(loggedOut))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.build();
	}

	/**
	 * Webhooks and the data-deletion callback are signed by Facebook instead; every other
	 * unsafe request needs the token.
	 */
	private static Mono<MatchResult> formsOfThePages(ServerWebExchange exchange) {
		boolean safe = Set.of("GET", "HEAD", "OPTIONS", "TRACE").contains(exchange.getRequest().getMethod().name());
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		boolean webhook = path.startsWith("/webhooks/") || path.startsWith("/facebook/data-deletion/");
		return (safe || webhook) ? MatchResult.notMatch() : MatchResult.match();
	}

}
