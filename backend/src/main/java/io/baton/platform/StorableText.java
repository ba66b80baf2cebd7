package io.baton.platform;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Text PostgreSQL can store: JSON may carry {@code \u0000} and unpaired surrogates
 * ({@code \ud800}), which a {@code text} column refuses, so a webhook holding one would
 * fail its routing again and again. NUL is dropped and an unpaired surrogate becomes
 * U+FFFD, as a decoder does with bytes it cannot read.
 */
public final class StorableText {

	private StorableText() {
	}

	public static String of(String text) {
		if (isStorable(text)) {
			return text;
		}
		StringBuilder clean = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\u0000') {
				continue;
			}
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				clean.append(c).append(text.charAt(++i));
			}
			else if (Character.isSurrogate(c)) {
				clean.append('\uFFFD');
			}
			else {
				clean.append(c);
			}
		}
		return clean.toString();
	}

	/** Makes every string value in {@code tree} storable, in place; answers the tree. */
	public static JsonNode inTree(JsonNode tree) {
		if (tree instanceof ObjectNode object) {
			for (Map.Entry<String, JsonNode> property : object.properties()) {
				JsonNode value = property.getValue();
				if (value.isString() && !isStorable(value.asString())) {
					property.setValue(StringNode.valueOf(of(value.asString())));
				}
				else if (value.isContainer()) {
					inTree(value);
				}
			}
		}
		else if (tree instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				JsonNode value = array.get(i);
				if (value.isString() && !isStorable(value.asString())) {
					array.set(i, StringNode.valueOf(of(value.asString())));
				}
				else if (value.isContainer()) {
					inTree(value);
				}
			}
		}
		return tree;
	}

	private static boolean isStorable(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\u0000') {
				return false;
			}
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

}
