package io.baton.web;

import java.net.InetSocketAddress;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.authorization.HttpStatusServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;

/**
 * The actuator: health (and info) for anyone, because probes and load balancers call it;
 * every other endpoint (Prometheus metrics name every tenant's apps and traffic) only on
 * the management port ({@code management.server.port}, which the Helm chart keeps off the
 * ingress), and a 403 on the application port to anyone, signed in or not.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurity {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 5)
	SecurityWebFilterChain actuatorChain(ServerHttpSecurity http, Environment environment) {
		return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/actuator", "/actuator/**"))
			.authorizeExchange(
					(exchanges) -> exchanges.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
						.permitAll()
						.anyExchange()
						.access((authentication, context) -> Mono
							.just(new AuthorizationDecision(onManagementPort(environment, context.getExchange())))))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(new HttpStatusServerEntryPoint(HttpStatus.FORBIDDEN))
				.accessDeniedHandler(new HttpStatusServerAccessDeniedHandler(HttpStatus.FORBIDDEN)))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.build();
	}

	/** Whether the request came in on a management port apart from the application's. */
	static boolean onManagementPort(Environment environment, ServerWebExchange exchange) {
		Integer management = environment.getProperty("local.management.port", Integer.class);
		Integer server = environment.getProperty("local.server.port", Integer.class);
		InetSocketAddress local = exchange.getRequest().getLocalAddress();
		return management != null && !management.equals(server) && local != null && local.getPort() == management;
	}

}
