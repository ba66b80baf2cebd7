package io.baton.web;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;

/**
 * Baton's own security chain: everything but the sign-in page, static assets and health
 * needs a signed-in user; sign-in is Facebook Login through Spring Security's OAuth2
 * client; forms carry CSRF tokens; pages run under a Content-Security-Policy that allows
 * no inline script.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
			+ " img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

	@Bean
	SecurityWebFilterChain batonSecurity(ServerHttpSecurity http, FacebookSignIn signIn,
			ReactiveClientRegistrationRepository registrations) {
		RedirectServerLogoutSuccessHandler loggedOut = new RedirectServerLogoutSuccessHandler();
		loggedOut.setLogoutSuccessUrl(URI.create("/login?logout"));
		return http
			.authorizeExchange((exchanges) -> exchanges
				.pathMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error")
				.permitAll()
				.pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus")
				.permitAll()
				.anyExchange()
				.authenticated())
			.oauth2Login((login) -> login.loginPage("/login")
				.authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler("/login?error")))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessHandler(loggedOut))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.build();
	}

}
