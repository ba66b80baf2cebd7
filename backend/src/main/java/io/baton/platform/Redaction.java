package io.baton.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What staff may see of a payload or a bot's answer: values of fields named like tokens,
 * secrets, passwords, API keys or authorizations (a notification token in an opt-in, an
 * access token a bot echoes, account linking's {@code authorization_code}) are replaced,
 * in JSON and in {@code name=value} text alike; so are text values of fields whose last
 * word is {@code code} or {@code key} (an OAuth code, a signing key), unless a harmless
 * word qualifies them ({@code country_code}); a number (Graph's error {@code code}) is
 * kept. URLs lose their user and password; bot endpoint URLs, and errors that quote them,
 * lose their query as well.
 */
public final class Redaction {

	public static final String HIDDEN = "[redacted]";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Parts of a field name that mark a credential. */
	private static final String CREDENTIAL = "token|secret|password|appsecret_proof|authorization|api_?key|credential";

	private static final Pattern SENSITIVE_NAME = Pattern.compile(".*(" + CREDENTIAL + ").*");

	/** Names whose last word is code or key, in snake, kebab or camel case. */
	private static final Pattern CODE_OR_KEY = Pattern.compile("(?:.*[_-])?(?i:code|key)|.*[a-z0-9](?:Code|Key)");

	/**
	 * Words that make a code or a key harmless: {@code country_code},
	 * {@code status_code}.
	 */
	private static final Pattern HARMLESS_CODE_OR_KEY = Pattern.compile(
			"(?i).*(?:error|country|postal|zip|status|language|locale|currency|region|response|http|area)[_-]?(?:code|key)");

	private static final Pattern PAIR = Pattern.compile("(?i)(?<![a-z0-9_-])([a-z][a-z0-9_-]*)=([^&\\s\"']+)");

	private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s\"'<>]+");

	private static final Pattern USERINFO = Pattern.compile("(?i)\\b(https?://)[^/\\s\"'<>@]+@");

	private static final Pattern NUMBER = Pattern.compile("-?\\d+");

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
		return PAIR.matcher(USERINFO.matcher(text).replaceAll("$1" + HIDDEN + "@")).replaceAll(Redaction::pair);
	}

	/**
	 * A URL as staff may read it: scheme, host, port and path; its user and password and
	 * its query, where a bot endpoint carries its credentials, are hidden.
	 */
	public static @Nullable String url(@Nullable String url) {
		if (url == null) {
			return null;
		}
		try {
			URI uri = new URI(url);
			if (uri.getHost() == null) {
				return HIDDEN;
			}
			return uri.getScheme() + "://" + ((uri.getRawUserInfo() != null) ? HIDDEN + "@" : "") + uri.getHost()
					+ ((uri.getPort() != -1) ? ":" + uri.getPort() : "") + uri.getRawPath()
					+ ((uri.getRawQuery() != null) ? "?" + HIDDEN : "");
		}
		catch (URISyntaxException ex) {
			return HIDDEN;
		}
	}

	/**
	 * An error message as staff may read it: the URLs it quotes go through {@link #url}.
	 */
	public static String message(String text) {
		return of(URL.matcher(text).replaceAll((url) -> quotedUrl(url.group())));
	}

	private static String quotedUrl(String candidate) {
		String url = candidate.replaceAll("[.,;:)]+$", "");
		String shown = url(url);
		return Matcher.quoteReplacement(shown + candidate.substring(url.length()));
	}

	private static String pair(MatchResult pair) {
		String name = pair.group(1);
		String value = pair.group(2);
		boolean hidden = credential(name) || (codeOrKey(name) && !NUMBER.matcher(value).matches());
		return Matcher.quoteReplacement(hidden ? name + "=" + HIDDEN : pair.group());
	}

	private static boolean credential(String name) {
		return SENSITIVE_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches();
	}

	private static boolean codeOrKey(String name) {
		return CODE_OR_KEY.matcher(name).matches() && !HARMLESS_CODE_OR_KEY.matcher(name).matches();
	}

	private static void redact(JsonNode node) {
		if (node instanceof ObjectNode object) {
			for (Map.Entry<String, JsonNode> field : object.properties()) {
				if (field.getValue().isValueNode()
						&& (credential(field.getKey()) || (codeOrKey(field.getKey()) && field.getValue().isString()))) {
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
