package io.baton.sandbox.console;

import java.util.Map;

import io.baton.sandbox.ConditionalOnSandbox;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /sandbox/api/apps}: apps with their app- and page-level subscriptions. */
@RestController
@ConditionalOnSandbox
class AppsApi {

	private final World world;

	private final DataDeletionRequests dataDeletion;

	AppsApi(World world, DataDeletionRequests dataDeletion) {
		this.world = world;
		this.dataDeletion = dataDeletion;
	}

	@GetMapping("/sandbox/api/apps")
	Mono<Map<String, Object>> apps() {
		return this.world.apps().collectList().map((apps) -> Map.of("data", apps));
	}

	/**
	 * {@code {"id"?, "name", "secret"?, "redirect_uris": [...], "appsecret_proof_required"?,
	 * "category"?, "link"?}}; answers the app with its secret.
	 */
	@PostMapping("/sandbox/api/apps")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Map<String, Object>> create(@RequestBody JsonNode json) {
		return Mono.defer(() -> {
			Body body = new Body(json);
			return this.world.createApp(body.optionalText("id"), body.text("name"), body.optionalText("secret"),
					body.texts("redirect_uris"), body.flag("appsecret_proof_required"), body.optionalText("category"),
					body.optionalText("link"));
		});
	}

	/**
	 * {@code {"user_id"}}: the person asks the app to delete their data; the sandbox
	 * posts the signed request to the app's Data Deletion Request URL and answers
	 * {@code {"status", "body"}} of what the app's server said.
	 */
	@PostMapping("/sandbox/api/apps/{appId}/data-deletion")
	Mono<Map<String, Object>> dataDeletion(@PathVariable String appId, @RequestBody JsonNode json) {
		return Mono.defer(() -> this.dataDeletion.send(new Body(json).text("user_id"), appId));
	}

}
