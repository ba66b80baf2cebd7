package io.baton.sandbox.pages;

import java.util.Locale;
import java.util.Map;

/**
 * Page categories as {@code category_list} shows them: Facebook's id for the common ones,
 * a stable made-up id for any other.
 */
final class Categories {

	private static final Map<String, String> KNOWN = Map.of("local business", "2500", "company", "2200", "software",
			"2211", "shopping & retail", "200600219953504", "restaurant", "273819889375819", "product/service", "2201",
			"website", "2708", "community", "2612");

	private Categories() {
	}

	static Map<String, Object> of(String category) {
		String id = KNOWN.get(category.toLowerCase(Locale.ROOT));
		if (id == null) {
			id = Long
				.toString(1_000_000_000L + Math.floorMod(category.toLowerCase(Locale.ROOT).hashCode(), 1_000_000_000));
		}
		return Map.of("id", id, "name", category);
	}

}
