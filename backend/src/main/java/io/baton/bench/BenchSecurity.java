package io.baton.bench;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The bare endpoint is public and free of CSRF, as the webhook endpoint is, only while
 * the bench is on; otherwise {@code /bench/**} falls to the dashboard's chain like any
 * other path.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "baton.bench.enabled", havingValue = "true")
class BenchSecurity {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 20)
	SecurityWebFilterChain benchChain(ServerHttpSecurity http) {
		return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/bench/bare/**"))
			.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.build();
	}

}
