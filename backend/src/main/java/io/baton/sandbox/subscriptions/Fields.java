package io.baton.sandbox.subscriptions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.baton.sandbox.graph.GraphError;

/** Webhook field lists as Graph takes them: {@code a,b,c} or a JSON array. */
final class Fields {

	/** The page fields of the Messenger Platform (graph-api.md section 3). */
	static final List<String> MESSENGER = List.of("messages", "messaging_postbacks", "messaging_optins",
			"messaging_referrals", "message_deliveries", "message_reads", "message_echoes", "message_reactions",
			"messaging_account_linking", "messaging_handovers", "standby", "messaging_policy_enforcement");

	/** Other page fields an app may subscribe to at app level. */
	static final List<String> OTHER_PAGE = List.of("feed", "mention", "name", "picture", "ratings", "leadgen",
			"conversations", "message_edits", "messaging_game_plays", "messaging_customer_information",
			"message_context", "send_cart", "response_feedback", "messaging_in_thread_lead_form_submit");

	private Fields() {
	}

	/** The list, trimmed, without blanks, brackets or quotes, once each. */
	static List<String> parse(String raw) {
		String list = raw.strip();
		if (list.startsWith("[") && list.endsWith("]")) {
			list = list.substring(1, list.length() - 1);
		}
		return Arrays.stream(list.split(","))
			.map((field) -> field.strip().replace("\"", ""))
			.filter((field) -> !field.isEmpty())
			.distinct()
			.toList();
	}

	/**
	 * Each field must be one of {@code allowed}, else 100 naming the first that is not.
	 */
	static void check(String parameter, List<String> fields, List<String> allowed) {
		for (int i = 0; i < fields.size(); i++) {
			if (!allowed.contains(fields.get(i))) {
				throw GraphError.invalidParameter("Param " + parameter + "[" + i + "] must be one of {"
						+ String.join(", ", allowed) + "} - got \"" + fields.get(i) + "\"");
			}
		}
	}

	static List<String> pageFieldsAtAppLevel() {
		List<String> all = new ArrayList<>(MESSENGER);
		all.addAll(OTHER_PAGE);
		return all;
	}

}
