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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /sandbox/api/users} and the token life events of a person. */
@RestController
@ConditionalOnSandbox
class PeopleApi {

	private final World world;

	private final WorldEvents events;

	PeopleApi(World world, WorldEvents events) {
		this.world = world;
		this.events = events;
	}

	@GetMapping("/sandbox/api/users")
	Mono<Map<String, Object>> users() {
		return this.world.users().collectList().map((users) -> Map.of("data", users));
	}

	@PostMapping("/sandbox/api/users")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Map<String, Object>> create(@RequestBody JsonNode json) {
		return Mono.fromSupplier(() -> new Body(json).text("name")).flatMap(this.world::createUser);
	}

	/** The person changed their password: every token of theirs answers 190/460. */
	@PostMapping("/sandbox/api/users/{userId}/password-change")
	Mono<Map<String, Object>> passwordChanged(@PathVariable String userId) {
		return this.events.passwordChanged(userId);
	}

	/** The person removed the app: its tokens of theirs answer 190/458. */
	@DeleteMapping("/sandbox/api/users/{userId}/apps/{appId}")
	Mono<Map<String, Object>> appRemoved(@PathVariable String userId, @PathVariable String appId) {
		return this.events.appRemoved(userId, appId);
	}

	/** The person revoked one permission; page tokens that needed it answer 190. */
	@DeleteMapping("/sandbox/api/users/{userId}/apps/{appId}/permissions/{permission}")
	Mono<Map<String, Object>> permissionRevoked(@PathVariable String userId, @PathVariable String appId,
			@PathVariable String permission) {
		return Mono.defer(() -> this.events.permissionRevoked(userId, appId, permission));
	}

	/** {@code {"token"}} or {@code {"user_id"}}: those tokens answer 190/463. */
	@PostMapping("/sandbox/api/tokens/expire")
	Mono<Map<String, Object>> expire(@RequestBody JsonNode json) {
		return Mono.defer(() -> {
			Body body = new Body(json);
			return this.events.expire(body.optionalText("token"), body.optionalText("user_id"));
		});
	}

}
