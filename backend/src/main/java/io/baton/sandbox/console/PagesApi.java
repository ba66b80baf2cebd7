package io.baton.sandbox.console;

import java.util.Map;

import io.baton.sandbox.ConditionalOnSandbox;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /sandbox/api/pages}: pages, people's roles on them and apps' handover roles. */
@RestController
@ConditionalOnSandbox
class PagesApi {

	private final World world;

	private final WorldEvents events;

	PagesApi(World world, WorldEvents events) {
		this.world = world;
		this.events = events;
	}

	@GetMapping("/sandbox/api/pages")
	Mono<Map<String, Object>> pages() {
		return this.world.pages().collectList().map((pages) -> Map.of("data", pages));
	}

	/** {@code {"name", "category"?, "admins": [user ids]}}. */
	@PostMapping("/sandbox/api/pages")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Map<String, Object>> create(@RequestBody JsonNode json) {
		return Mono.defer(() -> {
			Body body = new Body(json);
			return this.world.createPage(body.text("name"), body.optionalText("category"), body.texts("admins"));
		});
	}

	/** {@code {"tasks": [...]}} optional: every task by default. */
	@PutMapping("/sandbox/api/pages/{pageId}/roles/{userId}")
	Mono<Map<String, Object>> giveRole(@PathVariable String pageId, @PathVariable String userId,
			@RequestBody(required = false) JsonNode json) {
		return Mono
			.defer(() -> this.world.giveRole(pageId, userId,
					(json != null) ? new Body(json).texts("tasks") : java.util.List.of()))
			.thenReturn(Map.of("success", true));
	}

	/** The person loses their role: their page tokens of it answer 190. */
	@DeleteMapping("/sandbox/api/pages/{pageId}/roles/{userId}")
	Mono<Map<String, Object>> takeRole(@PathVariable String pageId, @PathVariable String userId) {
		return this.events.roleLost(pageId, userId);
	}

	/** {@code {"role": "primary_receiver" | "secondary_receiver"}}. */
	@PutMapping("/sandbox/api/pages/{pageId}/app-roles/{appId}")
	Mono<Map<String, Object>> setAppRole(@PathVariable String pageId, @PathVariable String appId,
			@RequestBody JsonNode json) {
		return Mono.defer(() -> this.world.setAppRole(pageId, appId, new Body(json).text("role")))
			.thenReturn(Map.of("success", true));
	}

	@DeleteMapping("/sandbox/api/pages/{pageId}/app-roles/{appId}")
	Mono<Map<String, Object>> removeAppRole(@PathVariable String pageId, @PathVariable String appId) {
		return this.world.removeAppRole(pageId, appId).thenReturn(Map.of("success", true));
	}

}
