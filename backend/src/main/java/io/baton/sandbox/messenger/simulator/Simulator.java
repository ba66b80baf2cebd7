package io.baton.sandbox.messenger.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.baton.sandbox.ConditionalOnSandbox;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The simulator's actions by name, with their parameters as the JSON API and the HTML
 * forms give them; each answers what the person's side learns (PSID, mid, token).
 */
@Component
@ConditionalOnSandbox
class Simulator {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final PersonActions actions;

	private final NotificationOptIns notifications;

	private final DatabaseClient database;

	Simulator(PersonActions actions, NotificationOptIns notifications, DatabaseClient database) {
		this.actions = actions;
		this.notifications = notifications;
		this.database = database;
	}

	Mono<Map<String, Object>> act(String pageId, String userId, String action, Map<String, String> input) {
		return this.actions.person(pageId, userId).flatMap((person) -> run(person, action, input).map((result) -> {
			Map<String, Object> answer = new LinkedHashMap<>();
			answer.put("psid", person.psid());
			answer.putAll(result);
			return answer;
		}));
	}

	private Mono<Map<String, Object>> run(Person person, String action, Map<String, String> in) {
		return switch (action) {
			case "message" -> message(person, in);
			case "quick-reply" ->
				this.actions.message(person, required(in, "title"), required(in, "payload"), List.of())
					.map(Simulator::mid);
			case "postback" ->
				this.actions.postback(person, required(in, "title"), required(in, "payload"), null).map(Simulator::mid);
			case "get-started" -> getStarted(person, null);
			case "referral" -> referral(person, required(in, "ref"), in.getOrDefault("source", "SHORTLINK"));
			case "send-to-messenger" ->
				this.actions.optin(person, Map.of("ref", required(in, "ref")), true).thenReturn(Map.of());
			case "reaction" ->
				this.actions
					.reaction(person, required(in, "mid"), in.getOrDefault("reaction", "love"),
							in.getOrDefault("emoji", "\u2764"), !"unreact".equals(in.get("action")))
					.thenReturn(Map.of());
			case "read" -> this.actions.read(person).thenReturn(Map.of());
			case "notify-me" -> this.notifications.notifyMe(person, required(in, "mid")).map(Simulator::token);
			case "recurring-optin" -> this.notifications.optIn(person, required(in, "mid")).map(Simulator::token);
			case "recurring-stop" ->
				this.notifications.setStopped(person, required(in, "token"), true).map(Simulator::token);
			case "recurring-resume" ->
				this.notifications.setStopped(person, required(in, "token"), false).map(Simulator::token);
			default -> Mono.error(new SimulatorRefused("Unknown action " + action + "."));
		};
	}

	private Mono<Map<String, Object>> message(Person person, Map<String, String> in) {
		List<Map<String, Object>> attachments = new ArrayList<>();
		String image = in.getOrDefault("image_url", "").strip();
		if (!image.isEmpty()) {
			attachments.add(attachment("image", Map.of("url", image)));
		}
		String lat = in.getOrDefault("lat", "").strip();
		String lon = in.getOrDefault("long", "").strip();
		if (!lat.isEmpty() || !lon.isEmpty()) {
			attachments.add(location(lat, lon));
		}
		String text = in.getOrDefault("text", "").strip();
		if (text.isEmpty() && attachments.isEmpty()) {
			return Mono.error(new SimulatorRefused("Type a message or attach something."));
		}
		return this.actions.message(person, text.isEmpty() ? null : text, null, attachments).map(Simulator::mid);
	}

	private static Map<String, Object> location(String lat, String lon) {
		try {
			Map<String, Object> coordinates = new LinkedHashMap<>();
			coordinates.put("lat", Double.parseDouble(lat));
			coordinates.put("long", Double.parseDouble(lon));
			return attachment("location", Map.of("coordinates", coordinates));
		}
		catch (NumberFormatException ex) {
			throw new SimulatorRefused("A location needs numeric lat and long.");
		}
	}

	private static Map<String, Object> attachment(String type, Map<String, ?> payload) {
		Map<String, Object> attachment = new LinkedHashMap<>();
		attachment.put("type", type);
		attachment.put("payload", payload);
		return attachment;
	}

	/**
	 * Arriving by m.me: a first visit to a page with Get Started is a postback with
	 * referral.
	 */
	private Mono<Map<String, Object>> referral(Person person, String ref, String source) {
		Map<String, Object> referral = PersonActions.referral(ref, source);
		if (!person.firstContact()) {
			return this.actions.referral(person, ref, source).thenReturn(Map.of());
		}
		return getStartedPayload(person.pageId()).flatMap((payload) -> getStarted(person, referral))
			.switchIfEmpty(Mono.defer(() -> this.actions.referral(person, ref, source).thenReturn(Map.of())));
	}

	private Mono<Map<String, Object>> getStarted(Person person, @Nullable Map<String, Object> referral) {
		return getStartedPayload(person.pageId())
			.switchIfEmpty(Mono.error(() -> new SimulatorRefused("The page has no Get Started button.")))
			.flatMap((payload) -> this.actions.postback(person, "Get Started", payload, referral))
			.map(Simulator::mid);
	}

	private Mono<String> getStartedPayload(String pageId) {
		return this.database.sql(SimulatorRows.GET_STARTED)
			.bind("page", pageId)
			.map((row) -> json.readTree(row.get("value", String.class)))
			.one()
			.map((JsonNode value) -> value.path("payload").asString(""))
			.filter((payload) -> !payload.isEmpty());
	}

	private static String required(Map<String, String> in, String name) {
		String value = in.getOrDefault(name, "").strip();
		if (value.isEmpty()) {
			throw new SimulatorRefused("Missing " + name + ".");
		}
		return value;
	}

	private static Map<String, Object> mid(String mid) {
		return Map.of("mid", mid);
	}

	private static Map<String, Object> token(String token) {
		return Map.of("token", token);
	}

}
