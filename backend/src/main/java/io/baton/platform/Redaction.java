package io.baton.platform;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What staff may see of a payload or a bot's answer: values of fields named like tokens,
 * secrets, passwords, API keys or authorizations (a notification token in an opt-in, an
 * access token a bot echoes, account linking's {@code authorization_code}) are replaced,
 * in JSON and in {@code name=value} text alike.
 */
public final class Redaction {

	public static final String HIDDEN = "[redacted]";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Parts of a field name that mark a credential. */
	private static final String CREDENTIAL = "token|secret|password|appsecret_proof|authorization|api_?key|credential";

	private static final Pattern SENSITIVE_NAME = Pattern.compile(".*(" + CREDENTIAL + ").*");

	private static final Pattern SENSITIVE_PAIR = Pattern
		.compile("(?i)([a-z_]*(?:" + CREDENTIAL + ")[a-z_]*)=([^&\\s\"']+)");

	private Redaction() {
	}

	public static String of(String text) {
		String trimmed = text.strip();
		if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
			try {
				JsonNode tree = JSON.readTree(trimmed);
				redact(tree);
				return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
			}
			catch (RuntimeException ex) {
				// Not JSON after all: treated as text below.
			}
		}
		return SENSITIVE_PAIR.matcher(text).replaceAll("$1=" + HIDDEN);
	}

	private static void redact(JsonNode node) {
		if (node instanceof ObjectNode object) {
			for (Map.Entry<String, JsonNode> field : object.properties()) {
				if (SENSITIVE_NAME.matcher(field.getKey().toLowerCase(Locale.ROOT)).matches()
						&& field.getValue().isValueNode()) {
					object.put(field.getKey(), HIDDEN);
				}
				else {
					redact(field.getValue());
				}
			}
		}
		else if (node.isArray()) {
			node.forEach(Redaction::redact);
		}
	}

}
