package io.baton.sandbox.messenger.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.messenger.handover.AppRoles;
import io.baton.sandbox.messenger.handover.ThreadControl;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulator as JSON, for tests and scripts: a person's actions on a page, the
 * conversation, and the page's app roles. Failures are RFC 7807 problem details.
 */
@RestController
@ConditionalOnSandbox
class SimulatorApi {

	private static final String PERSON = "/sandbox/api/messenger/pages/{pageId:\\d+}/people/{userId:\\d+}";

	private static final Set<String> ROLES = Set.of(AppRoles.PRIMARY, AppRoles.SECONDARY, "none");

	private final Simulator simulator;

	private final ChatView chats;

	private final ThreadControl threads;

	private final DatabaseClient database;

	SimulatorApi(Simulator simulator, ChatView chats, ThreadControl threads, DatabaseClient database) {
		this.simulator = simulator;
		this.chats = chats;
		this.threads = threads;
		this.database = database;
	}

	@PostMapping(PERSON + "/{action:[a-z-]+}")
	Mono<Map<String, Object>> act(@PathVariable String pageId, @PathVariable String userId, @PathVariable String action,
			@RequestBody(required = false) Map<String, Object> body) {
		return this.simulator.act(pageId, userId, action, strings(body));
	}

	@GetMapping(PERSON + "/conversation")
	Mono<Map<String, Object>> conversation(@PathVariable String pageId, @PathVariable String userId) {
		return this.chats.of(pageId, userId).map(ChatView.Chat::json);
	}

	/** Page Settings → Advanced Messaging: sets an app's role and tells the app. */
	@PostMapping("/sandbox/api/messenger/pages/{pageId:\\d+}/app-roles")
	Mono<Map<String, Object>> setRole(@PathVariable String pageId, @RequestBody Map<String, Object> body) {
		Map<String, String> in = strings(body);
		String appId = in.getOrDefault("app_id", "");
		String role = in.getOrDefault("role", "");
		if (!appId.matches("\\d+") || !ROLES.contains(role)) {
			return Mono
				.error(new SimulatorRefused("Give app_id and role (primary_receiver, secondary_receiver, none)."));
		}
		Mono<Void> change = "none".equals(role)
				? this.database.sql(SimulatorRows.DELETE_ROLE).bind("page", pageId).bind("app", appId).then()
				: setRole(pageId, appId, role);
		return change.then("none".equals(role) ? Mono.empty() : this.threads.announceRole(pageId, appId, role))
			.thenReturn(Map.of("success", true));
	}

	private Mono<Void> setRole(String pageId, String appId, String role) {
		Mono<Void> demote = AppRoles.PRIMARY.equals(role)
				? this.database.sql(SimulatorRows.DEMOTE_PRIMARY).bind("page", pageId).bind("app", appId).then()
				: Mono.empty();
		return demote.then(this.database.sql(SimulatorRows.SET_ROLE)
			.bind("page", pageId)
			.bind("app", appId)
			.bind("role", role)
			.then());
	}

	@ExceptionHandler
	ProblemDetail refused(SimulatorRefused refused) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, refused.getMessage());
	}

	static Map<String, String> strings(@Nullable Map<String, Object> body) {
		Map<String, String> strings = new LinkedHashMap<>();
		if (body != null) {
			body.forEach((key, value) -> {
				if (value != null) {
					strings.put(key, String.valueOf(value));
				}
			});
		}
		return strings;
	}

}
