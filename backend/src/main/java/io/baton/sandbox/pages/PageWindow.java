package io.baton.sandbox.pages;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.baton.sandbox.SandboxSettings;
import io.baton.sandbox.graph.GraphError;
import io.baton.sandbox.graph.GraphRequest;
import org.jspecify.annotations.Nullable;

/**
 * Which slice of a list a cursor-paged Graph call asks for: {@code limit} items after the
 * {@code after} cursor, or before the {@code before} cursor. A cursor is an opaque
 * base64url form of an id.
 *
 * @param limit how many items
 * @param after items after this id, or {@code null}
 * @param before items before this id, or {@code null}
 */
record PageWindow(int limit, @Nullable String after, @Nullable String before) {

	static PageWindow of(GraphRequest request, SandboxSettings.Pages settings) {
		int limit = limit(request.parameter("limit"), settings);
		String after = request.parameter("after");
		String before = request.parameter("before");
		return new PageWindow(limit, after.isEmpty() ? null : id(after), before.isEmpty() ? null : id(before));
	}

	static String cursor(String id) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
	}

	private static int limit(String limit, SandboxSettings.Pages settings) {
		if (limit.isEmpty()) {
			return settings.defaultLimit();
		}
		try {
			int asked = Integer.parseInt(limit);
			if (asked < 1) {
				throw GraphError.invalidParameter("Param limit must be a positive integer");
			}
			return Math.min(asked, settings.maxLimit());
		}
		catch (NumberFormatException ex) {
			throw GraphError.invalidParameter("Param limit must be an integer");
		}
	}

	private static String id(String cursor) {
		try {
			String id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (id.matches("[0-9]{1,30}")) {
				return id;
			}
		}
		catch (IllegalArgumentException ex) {
			// not base64: an invalid cursor, as below
		}
		throw GraphError.invalidParameter("Invalid cursor");
	}

}
