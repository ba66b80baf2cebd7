package io.baton.graph;

import java.util.Optional;

/** A Facebook Page's id: digits only. */
public record PageId(String value) {

	public PageId {
		if (value == null || !value.matches("[0-9]{1,32}")) {
			throw new IllegalArgumentException("A Facebook page id is a number");
		}
	}

	public static Optional<PageId> parse(String text) {
		String clean = (text != null) ? text.strip() : "";
		return clean.matches("[0-9]{1,32}") ? Optional.of(new PageId(clean)) : Optional.empty();
	}

	@Override
	public String toString() {
		return this.value;
	}

}
