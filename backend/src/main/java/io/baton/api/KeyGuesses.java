package io.baton.api;

import io.baton.platform.Budgets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Refused API keys per client address, on {@code /api/v1} and on the bot API alike: an
 * address that has sent too many unknown or revoked keys in a minute gets 429 for any
 * key, before the key is looked up, so guessing keys costs Baton no database work. Keys
 * that work are never counted.
 */
@Component
public class KeyGuesses {

	private final Budgets refusedByAddress;

	KeyGuesses(@Value("${baton.api.refused-keys-per-address:30}") int perMinute,
			@Value("${baton.api.tracked-addresses:100000}") int trackedAddresses) {
		this.refusedByAddress = new Budgets(perMinute, trackedAddresses);
	}

	public boolean spent(ServerWebExchange exchange) {
		return this.refusedByAddress.spent(address(exchange));
	}

	public void refused(ServerWebExchange exchange) {
		this.refusedByAddress.take(address(exchange));
	}

	long retryAfterSeconds() {
		return this.refusedByAddress.retryAfterSeconds();
	}

	private static String address(ServerWebExchange exchange) {
		return Budgets.addressOf(exchange.getRequest().getRemoteAddress());
	}

}
