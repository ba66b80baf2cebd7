package io.baton.sandbox.messenger.handover;

import java.util.List;
import java.util.Map;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.messenger.MessengerCall;
import io.baton.sandbox.messenger.MessengerErrors;
import io.baton.sandbox.messenger.PageCaller;
import io.baton.sandbox.messenger.PageCallers;
import io.baton.sandbox.messenger.Psids;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The handover protocol's Graph endpoints, under {@code /me/…} or {@code /{page-id}/…}
 * with a page token.
 */
@RestController
@ConditionalOnSandbox
class HandoverApi {

	private static final String NODE = "/sandbox/graph/{version:v\\d+\\.\\d+}/{node:me|\\d+}";

	private static final Map<String, Object> SUCCESS = Map.of("success", true);

	private final PageCallers callers;

	private final Psids psids;

	private final ThreadControl threads;

	private final DatabaseClient database;

	HandoverApi(PageCallers callers, Psids psids, ThreadControl threads, DatabaseClient database) {
		this.callers = callers;
		this.psids = psids;
		this.threads = threads;
		this.database = database;
	}

	@PostMapping(NODE + "/pass_thread_control")
	Mono<Map<String, Object>> pass(@PathVariable String node, ServerWebExchange exchange) {
		return act(node, exchange, (caller, psid, call) -> this.threads.pass(caller.appId(), caller.pageId(), psid,
				call.text("target_app_id").isEmpty() ? null : call.text("target_app_id"), call.text("metadata")));
	}

	@PostMapping(NODE + "/take_thread_control")
	Mono<Map<String, Object>> take(@PathVariable String node, ServerWebExchange exchange) {
		return act(node, exchange, (caller, psid, call) -> this.threads.take(caller.appId(), caller.pageId(), psid,
				call.text("metadata")));
	}

	@PostMapping(NODE + "/request_thread_control")
	Mono<Map<String, Object>> request(@PathVariable String node, ServerWebExchange exchange) {
		return act(node, exchange, (caller, psid, call) -> this.threads.request(caller.appId(), caller.pageId(), psid,
				call.text("metadata")));
	}

	@PostMapping(NODE + "/release_thread_control")
	Mono<Map<String, Object>> release(@PathVariable String node, ServerWebExchange exchange) {
		return act(node, exchange, (caller, psid, call) -> this.threads.release(caller.appId(), caller.pageId(), psid));
	}

	@GetMapping(NODE + "/thread_owner")
	Mono<Map<String, Object>> threadOwner(@PathVariable String node, ServerWebExchange exchange) {
		return MessengerCall.of(exchange)
			.flatMap((call) -> this.callers.check(call, pathPage(node)).flatMap((caller) -> {
				String psid = call.text("recipient");
				if (psid.isEmpty()) {
					return Mono.error(MessengerErrors.missingParameter("recipient"));
				}
				return this.psids.personOn(caller.pageId(), psid)
					.switchIfEmpty(Mono.error(MessengerErrors::noMatchingUser))
					.then(this.threads.owner(caller.pageId(), psid))
					.map((owner) -> Map.of("data", (owner.appId() != null)
							? List.of(Map.of("thread_owner", Map.of("app_id", owner.appId()))) : List.of()));
			}));
	}

	@GetMapping(NODE + "/secondary_receivers")
	Mono<Map<String, Object>> secondaryReceivers(@PathVariable String node, ServerWebExchange exchange) {
		return MessengerCall.of(exchange)
			.flatMap((call) -> this.callers.check(call, pathPage(node)))
			.flatMap((caller) -> this.threads.roles(caller.pageId()).flatMapMany((roles) -> {
				if (!roles.hasRole(caller.appId())) {
					return Flux.error(MessengerErrors.noReceiverRole());
				}
				if (!roles.isPrimary(caller.appId())) {
					return Flux.error(MessengerErrors.primaryOnly());
				}
				return Flux.fromIterable(roles.roles().entrySet())
					.filter((role) -> AppRoles.SECONDARY.equals(role.getValue()))
					.concatMap((role) -> receiver(role.getKey()));
			}).collectList())
			.map((receivers) -> Map.of("data", receivers));
	}

	private Mono<Map<String, Object>> receiver(String appId) {
		return this.database.sql(HandoverRows.APP_NAME)
			.bind("id", appId)
			.map((row) -> row.get("name", String.class))
			.one()
			.defaultIfEmpty("Page Inbox")
			.map((name) -> {
				Map<String, Object> receiver = new java.util.LinkedHashMap<>();
				receiver.put("id", appId);
				receiver.put("name", name);
				return receiver;
			});
	}

	private Mono<Map<String, Object>> act(String node, ServerWebExchange exchange, Action action) {
		return MessengerCall.of(exchange)
			.flatMap((call) -> this.callers.check(call, pathPage(node)).flatMap((caller) -> {
				String psid = call.node("recipient").path("id").asString("").strip();
				if (psid.isEmpty()) {
					return Mono.error(MessengerErrors.missingParameter("recipient"));
				}
				return this.psids.personOn(caller.pageId(), psid)
					.switchIfEmpty(Mono.error(MessengerErrors::noMatchingUser))
					.then(Mono.defer(() -> action.run(caller, psid, call)))
					.thenReturn(SUCCESS);
			}));
	}

	static @Nullable String pathPage(String node) {
		return "me".equals(node) ? null : node;
	}

	@FunctionalInterface
	private interface Action {

		Mono<Void> run(PageCaller caller, String psid, MessengerCall call);

	}

}
