package io.baton.web;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;

/**
 * Messages that survive one redirect (WebFlux has no flash attributes): kept in the web
 * session and shown, then dropped, by the next page.
 */
public record Flash(Kind kind, String message, @Nullable String link) {

	enum Kind {

		SUCCESS, ERROR, INFO

	}

	private static final String ATTRIBUTE = "baton.flash";

	public static Mono<Void> success(ServerWebExchange exchange, String message) {
		return add(exchange, new Flash(Kind.SUCCESS, message, null));
	}

	public static Mono<Void> error(ServerWebExchange exchange, String message) {
		return add(exchange, new Flash(Kind.ERROR, message, null));
	}

	public static Mono<Void> withLink(ServerWebExchange exchange, String message, String link) {
		return add(exchange, new Flash(Kind.INFO, message, link));
	}

	static Mono<Void> add(ServerWebExchange exchange, Flash flash) {
		return exchange.getSession().doOnNext((session) -> {
			List<Pending> pending = new ArrayList<>(session.getAttributeOrDefault(ATTRIBUTE, List.of()));
			pending.add(new Pending(exchange.getRequest().getId(), flash));
			session.getAttributes().put(ATTRIBUTE, List.copyOf(pending));
		}).then();
	}

	static Mono<List<Flash>> take(ServerWebExchange exchange) {
		String thisRequest = exchange.getRequest().getId();
		return exchange.getSession().map((session) -> {
			List<Pending> pending = session.getAttributeOrDefault(ATTRIBUTE, List.of());
			List<Pending> fromThisRequest = pending.stream().filter((p) -> p.requestId().equals(thisRequest)).toList();
			if (fromThisRequest.isEmpty()) {
				session.getAttributes().remove(ATTRIBUTE);
			}
			else {
				session.getAttributes().put(ATTRIBUTE, fromThisRequest);
			}
			return pending.stream().filter((p) -> !p.requestId().equals(thisRequest)).map(Pending::flash).toList();
		});
	}

	private record Pending(String requestId, Flash flash) {
	}

	public String cssClass() {
		return "flash flash-" + this.kind.name().toLowerCase(java.util.Locale.ROOT);
	}

}
