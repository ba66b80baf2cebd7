package io.baton.sandbox.console;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A JSON API request body, read field by field with 400s for wrong shapes. */
record Body(JsonNode json) {

	Body {
		if (!json.isObject()) {
			throw WorldRefused.badInput("The body must be a JSON object");
		}
	}

	String text(String field) {
		String text = optionalText(field);
		if (text == null || text.isBlank()) {
			throw WorldRefused.badInput("Field " + field + " is required");
		}
		return text.strip();
	}

	@Nullable String optionalText(String field) {
		JsonNode value = this.json.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString() && !value.isNumber()) {
			throw WorldRefused.badInput("Field " + field + " must be a string");
		}
		return value.asString();
	}

	List<String> texts(String field) {
		JsonNode value = this.json.get(field);
		if (value == null || value.isNull()) {
			return List.of();
		}
		if (!value.isArray()) {
			throw WorldRefused.badInput("Field " + field + " must be an array of strings");
		}
		List<String> texts = new ArrayList<>();
		for (JsonNode item : value) {
			if (!item.isString() && !item.isNumber()) {
				throw WorldRefused.badInput("Field " + field + " must be an array of strings");
			}
			texts.add(item.asString().strip());
		}
		return texts;
	}

	boolean flag(String field) {
		JsonNode value = this.json.get(field);
		if (value == null || value.isNull()) {
			return false;
		}
		if (!value.isBoolean()) {
			throw WorldRefused.badInput("Field " + field + " must be true or false");
		}
		return value.asBoolean();
	}

	@Nullable Integer number(String field) {
		JsonNode value = this.json.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || value.asLong() < 0 || value.asLong() > Integer.MAX_VALUE) {
			throw WorldRefused.badInput("Field " + field + " must be a non-negative integer");
		}
		return value.asInt();
	}

}
