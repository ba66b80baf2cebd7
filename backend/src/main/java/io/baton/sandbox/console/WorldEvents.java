package io.baton.sandbox.console;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.faults.GraphFault;
import io.baton.sandbox.faults.GraphFaults;
import io.baton.sandbox.graph.TokenEvents;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * What an engineer makes happen in the world: token life events (each answers how many
 * tokens it ended) and Graph faults.
 */
@Component
@ConditionalOnSandbox
class WorldEvents {

	private final World world;

	private final TokenEvents events;

	private final GraphFaults faults;

	WorldEvents(World world, TokenEvents events, GraphFaults faults) {
		this.world = world;
		this.events = events;
		this.faults = faults;
	}

	Mono<Map<String, Object>> passwordChanged(String userId) {
		return this.world.user(userId).then(this.events.passwordChanged(userId)).map(WorldEvents::ended);
	}

	Mono<Map<String, Object>> appRemoved(String userId, String appId) {
		return this.world.user(userId)
			.then(this.world.existingApp(appId))
			.then(this.events.appRemoved(appId, userId))
			.map(WorldEvents::ended);
	}

	Mono<Map<String, Object>> permissionRevoked(String userId, String appId, String permission) {
		if (!permission.matches("[a-z_]{1,64}")) {
			throw WorldRefused.badInput("Not a permission: " + permission);
		}
		return this.world.user(userId)
			.then(this.world.existingApp(appId))
			.then(this.events.permissionRevoked(appId, userId, permission))
			.map(WorldEvents::ended);
	}

	Mono<Map<String, Object>> roleLost(String pageId, String userId) {
		return this.world.takeRole(pageId, userId).map(WorldEvents::ended);
	}

	/** Expires one token, or every token of a person. */
	Mono<Map<String, Object>> expire(@Nullable String token, @Nullable String userId) {
		if (token != null && !token.isBlank()) {
			return this.events.expire(token.strip()).map(WorldEvents::ended);
		}
		if (userId != null && !userId.isBlank()) {
			return this.world.user(userId.strip())
				.then(this.events.expireAllOf(userId.strip()))
				.map(WorldEvents::ended);
		}
		throw WorldRefused.badInput("Give token or user_id");
	}

	Mono<Map<String, Object>> addFault(@Nullable String appId, @Nullable String pageId, String kind,
			@Nullable Integer calls, @Nullable Integer seconds, @Nullable String until) {
		boolean forApp = appId != null && !appId.isBlank();
		boolean forPage = pageId != null && !pageId.isBlank();
		if (forApp == forPage) {
			throw WorldRefused.badInput("Give exactly one of app_id and page_id");
		}
		if (!GraphFault.KINDS.contains(kind)) {
			throw WorldRefused.badInput("Field kind must be one of " + GraphFault.KINDS);
		}
		Duration lasting = lasting(seconds, until);
		Mono<?> target = forApp ? this.world.existingApp(appId.strip()) : this.world.existingPage(pageId.strip());
		return target.then(this.faults.add(forApp ? appId.strip() : null, forPage ? pageId.strip() : null, kind,
				(calls != null && calls > 0) ? calls : null, lasting))
			.map(WorldEvents::shown);
	}

	Flux<Map<String, Object>> faults() {
		return this.faults.all().map(WorldEvents::shown);
	}

	Mono<Void> removeFault(String id) {
		if (!id.matches("[0-9]{1,18}")) {
			throw WorldRefused.notFound("fault", id);
		}
		return this.faults.remove(Long.parseLong(id))
			.filter((removed) -> removed > 0)
			.switchIfEmpty(Mono.error(() -> WorldRefused.notFound("fault", id)))
			.then();
	}

	private static @Nullable Duration lasting(@Nullable Integer seconds, @Nullable String until) {
		if (seconds != null && seconds > 0) {
			return Duration.ofSeconds(seconds);
		}
		if (until != null && !until.isBlank()) {
			try {
				Duration lasting = Duration.between(Instant.now(), Instant.parse(until.strip()));
				if (lasting.isNegative()) {
					throw WorldRefused.badInput("Field until is in the past");
				}
				return lasting;
			}
			catch (DateTimeParseException ex) {
				throw WorldRefused.badInput("Field until must be an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z");
			}
		}
		return null;
	}

	private static Map<String, Object> ended(long tokens) {
		return Map.of("tokens_ended", tokens);
	}

	private static Map<String, Object> shown(GraphFault fault) {
		Map<String, Object> shown = new LinkedHashMap<>();
		shown.put("id", Long.toString(fault.id()));
		shown.put("app_id", fault.appId());
		shown.put("page_id", fault.pageId());
		shown.put("kind", fault.kind());
		shown.put("remaining_calls", fault.remainingCalls());
		shown.put("until", (fault.until() != null) ? fault.until().toInstant().toString() : null);
		shown.put("active", fault.active());
		return shown;
	}

}
