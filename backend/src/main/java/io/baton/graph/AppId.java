package io.baton.graph;

import java.util.Optional;

/** A Facebook app's id: digits only. */
public record AppId(String value) {

	public AppId {
		if (value == null || !value.matches("[0-9]{1,32}")) {
			throw new IllegalArgumentException("A Facebook app id is a number");
		}
	}

	public static Optional<AppId> parse(String text) {
		String clean = (text != null) ? text.strip() : "";
		return clean.matches("[0-9]{1,32}") ? Optional.of(new AppId(clean)) : Optional.empty();
	}

	@Override
	public String toString() {
		return this.value;
	}

}
