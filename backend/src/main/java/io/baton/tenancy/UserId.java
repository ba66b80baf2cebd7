package io.baton.tenancy;

import java.util.Optional;
import java.util.UUID;

/** Identifies a person who signed in to Baton (not a Facebook id). */
public record UserId(UUID value) {

	public static UserId random() {
		return new UserId(UUID.randomUUID());
	}

	public static Optional<UserId> parse(String text) {
		try {
			return Optional.of(new UserId(UUID.fromString(text)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
