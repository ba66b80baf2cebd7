package io.baton.sandbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.authorization.HttpStatusServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The sandbox's own security chain, ahead of Baton's: everything under {@code /sandbox/}
 * is public, nothing there reads or writes Baton's session, and the forms of the dialog,
 * the console, the simulator and the demo bot's page carry a CSRF token in a cookie of
 * the sandbox's (the demo bot's own endpoint, {@code /sandbox/demo-bot/{appId}}, takes
 * Baton's signed POSTs without one). The console's JSON API ({@code /sandbox/api/**})
 * takes JSON bodies only, which no cross-site form can send. With the sandbox off, the
 * same paths answer 404 before Baton's chain could redirect them to its login.
 */
@Configuration(proxyBeanMethods = false)
class SandboxSecurity {

	static final String PATHS = "/sandbox/**";

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; frame-ancestors 'none'";

	static final String CSRF_COOKIE = "sandbox_csrf";

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	@ConditionalOnSandbox
	SecurityWebFilterChain sandboxSecurityChain(ServerHttpSecurity http) {
		return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(PATHS))
			.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens())
				.requireCsrfProtectionMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST,
						"/sandbox/dialog/**", "/sandbox/console/**", "/sandbox/messenger/**", "/sandbox/demo-bot/*/*")))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.build();
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	@ConditionalOnBooleanProperty(name = "baton.sandbox.enabled", havingValue = false)
	SecurityWebFilterChain sandboxAbsentChain(ServerHttpSecurity http) {
		return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(PATHS))
			.authorizeExchange((exchanges) -> exchanges.anyExchange().denyAll())
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(new HttpStatusServerEntryPoint(HttpStatus.NOT_FOUND))
				.accessDeniedHandler(new HttpStatusServerAccessDeniedHandler(HttpStatus.NOT_FOUND)))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.build();
	}

	private static CookieServerCsrfTokenRepository csrfTokens() {
		CookieServerCsrfTokenRepository tokens = new CookieServerCsrfTokenRepository();
		tokens.setCookieName(CSRF_COOKIE);
		tokens.setCookiePath("/sandbox");
		tokens.setHeaderName("X-Sandbox-CSRF");
		return tokens;
	}

}
