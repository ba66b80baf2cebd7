package io.baton.sandbox.console;

import org.springframework.http.HttpStatus;

/**
 * The console cannot do what it was asked (bad input, unknown person, page or app, an id
 * taken): a 4xx with a message, never a 500.
 */
class WorldRefused extends RuntimeException {

	private final HttpStatus status;

	WorldRefused(HttpStatus status, String message) {
		super(message, null, false, false);
		this.status = status;
	}

	static WorldRefused badInput(String message) {
		return new WorldRefused(HttpStatus.BAD_REQUEST, message);
	}

	static WorldRefused notFound(String what, String id) {
		return new WorldRefused(HttpStatus.NOT_FOUND, "No " + what + " with id " + id);
	}

	static WorldRefused conflict(String message) {
		return new WorldRefused(HttpStatus.CONFLICT, message);
	}

	HttpStatus status() {
		return this.status;
	}

}
