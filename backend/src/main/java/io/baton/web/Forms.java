package io.baton.web;

import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;

/** Reads posted form fields; a missing field reads as empty text. */
public final class Forms {

	private Forms() {
	}

	public static Mono<String> field(ServerWebExchange exchange, String name) {
		return exchange.getFormData().map((form) -> {
			String value = form.getFirst(name);
			return (value != null) ? value : "";
		});
	}

}
