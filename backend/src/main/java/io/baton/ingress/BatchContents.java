package io.baton.ingress;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a well-formed webhook batch ({@code {"object": …, "entry": [...]}}) holds: its
 * entries (one Messenger event each) counted per page, from each entry's {@code id}.
 */
record BatchContents(int entries, Map<String, Integer> entriesByPage) {

	/** The contents of a well-formed batch; empty when the body is not one. */
	static Optional<BatchContents> read(JsonMapper json, byte[] body) {
		JsonNode batch;
		try {
			batch = json.readTree(body);
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
		if (!batch.isObject() || !batch.path("object").isString() || !batch.path("entry").isArray()) {
			return Optional.empty();
		}
		Map<String, Integer> byPage = new LinkedHashMap<>();
		for (JsonNode entry : batch.path("entry")) {
			byPage.merge(entry.path("id").asString("unknown"), 1, Integer::sum);
		}
		return Optional.of(new BatchContents(batch.path("entry").size(), byPage));
	}

}
