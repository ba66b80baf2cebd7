package io.baton.graph;

import java.util.Optional;

/**
 * A person's page-scoped id: who wrote to a page, as that page's apps see them. Not to be
 * confused with an app-scoped id or a page id; Facebook's are digits, Baton's test person
 * is {@code test-person}, so any short text without spaces is one.
 */
public record Psid(String value) {

	private static final String FORM = "[0-9A-Za-z_-]{1,64}";

	public Psid {
		if (value == null || !value.matches(FORM)) {
			throw new IllegalArgumentException("A page-scoped id is up to 64 letters, digits, - or _");
		}
	}

	public static Optional<Psid> parse(String text) {
		String clean = (text != null) ? text.strip() : "";
		return clean.matches(FORM) ? Optional.of(new Psid(clean)) : Optional.empty();
	}

	@Override
	public String toString() {
		return this.value;
	}

}
