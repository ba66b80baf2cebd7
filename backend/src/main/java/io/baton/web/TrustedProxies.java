package io.baton.web;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.IpAddressServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

/**
 * Forwarded headers decide the scheme and host Baton thinks it is reached at (the session
 * cookie's {@code Secure} flag, same-origin checks, the OAuth2 redirect URI), so they are
 * applied only when the connection comes from a configured proxy
 * ({@code baton.web.trusted-proxies}) and removed otherwise. Runs before every other
 * filter; {@code server.forward-headers-strategy} is {@code none}, so nothing else
 * applies them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TrustedProxies implements WebFilter {

	private final List<IpAddressServerWebExchangeMatcher> proxies;

	private final ForwardedHeaderTransformer apply = new ForwardedHeaderTransformer();

	private final ForwardedHeaderTransformer remove = new ForwardedHeaderTransformer();

	TrustedProxies(WebSettings settings) {
		this.proxies = settings.trustedProxies()
			.stream()
			.map(String::strip)
			.map(IpAddressServerWebExchangeMatcher::new)
			.toList();
		this.remove.setRemoveOnly(true);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		return fromTrustedProxy(exchange).map((trusted) -> (trusted ? this.apply : this.remove).apply(request))
			.flatMap((forwarded) -> chain.filter(exchange.mutate().request(forwarded).build()));
	}

	private Mono<Boolean> fromTrustedProxy(ServerWebExchange exchange) {
		if (exchange.getRequest().getRemoteAddress() == null) {
			return Mono.just(false);
		}
		return Flux.fromIterable(this.proxies).concatMap((proxy) -> proxy.matches(exchange)).any(MatchResult::isMatch);
	}

}
