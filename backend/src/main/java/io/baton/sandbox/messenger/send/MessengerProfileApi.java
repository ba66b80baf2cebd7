package io.baton.sandbox.messenger.send;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.messenger.MessengerCall;
import io.baton.sandbox.messenger.MessengerErrors;
import io.baton.sandbox.messenger.PageCallers;
import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The page's Messenger profile: {@code get_started}, {@code greeting},
 * {@code persistent_menu}, {@code ice_breakers}, {@code whitelisted_domains}.
 */
@RestController
@ConditionalOnSandbox
class MessengerProfileApi {

	private static final String PROFILE = "/sandbox/graph/{version:v\\d+\\.\\d+}/{node:me|\\d+}/messenger_profile";

	static final Set<String> FIELDS = Set.of("get_started", "greeting", "persistent_menu", "ice_breakers",
			"whitelisted_domains");

	private static final JsonMapper json = JsonMapper.builder().build();

	private final PageCallers callers;

	private final DatabaseClient database;

	MessengerProfileApi(PageCallers callers, DatabaseClient database) {
		this.callers = callers;
		this.database = database;
	}

	@PostMapping(PROFILE)
	Mono<Map<String, Object>> set(@PathVariable String node, ServerWebExchange exchange) {
		return MessengerCall.of(exchange).flatMap((call) -> this.callers.check(call, pageOf(node)).flatMap((caller) -> {
			Map<String, JsonNode> values = new LinkedHashMap<>();
			FIELDS.forEach((field) -> {
				if (!call.node(field).isMissingNode()) {
					values.put(field, call.node(field));
				}
			});
			if (values.isEmpty()) {
				return Mono.error(MessengerErrors.invalidParameter("no Messenger profile field given"));
			}
			return Flux.fromIterable(values.entrySet())
				.concatMap((value) -> this.database.sql(SendRows.SAVE_PROFILE_FIELD)
					.bind("page", caller.pageId())
					.bind("field", value.getKey())
					.bind("value", Json.of(json.writeValueAsString(value.getValue())))
					.then())
				.then(Mono.just(Map.<String, Object>of("result", "success")));
		}));
	}

	@GetMapping(PROFILE)
	Mono<Map<String, Object>> get(@PathVariable String node, ServerWebExchange exchange) {
		return MessengerCall.of(exchange).flatMap((call) -> this.callers.check(call, pageOf(node)).flatMap((caller) -> {
			List<String> fields = fields(call.text("fields"));
			return this.database.sql(SendRows.PROFILE)
				.bind("page", caller.pageId())
				.map((row) -> Map.entry(row.get("field", String.class), json.readTree(row.get("value", String.class))))
				.all()
				.filter((entry) -> fields.contains(entry.getKey()))
				.collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new)
				.map((profile) -> Map.of("data", profile.isEmpty() ? List.of() : List.of(profile)));
		}));
	}

	@DeleteMapping(PROFILE)
	Mono<Map<String, Object>> delete(@PathVariable String node, ServerWebExchange exchange) {
		return MessengerCall.of(exchange).flatMap((call) -> this.callers.check(call, pageOf(node)).flatMap((caller) -> {
			JsonNode given = call.node("fields");
			List<String> fields = new ArrayList<>();
			if (given.isArray()) {
				given.forEach((field) -> fields.add(field.asString("")));
			}
			else {
				fields.addAll(fields(given.asString("")));
			}
			if (fields.isEmpty() || !FIELDS.containsAll(fields)) {
				return Mono.error(MessengerErrors.invalidParameter("fields"));
			}
			return this.database.sql(SendRows.DELETE_PROFILE_FIELDS)
				.bind("page", caller.pageId())
				.bind("fields", fields.toArray(String[]::new))
				.then()
				.thenReturn(Map.<String, Object>of("result", "success"));
		}));
	}

	private static List<String> fields(String requested) {
		if (requested.isBlank()) {
			return List.copyOf(FIELDS);
		}
		List<String> fields = List.of(requested.strip().split("\\s*,\\s*"));
		fields.stream().filter((field) -> !FIELDS.contains(field)).findFirst().ifPresent((unknown) -> {
			throw MessengerErrors.invalidParameter("fields: " + unknown);
		});
		return fields;
	}

	private static @org.jspecify.annotations.Nullable String pageOf(String node) {
		return "me".equals(node) ? null : node;
	}

}
