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

/** {@code /sandbox/api/faults}: make Graph fail for one app or one page. */
@RestController
@ConditionalOnSandbox
class FaultsApi {

	private final WorldEvents events;

	FaultsApi(WorldEvents events) {
		this.events = events;
	}

	@GetMapping("/sandbox/api/faults")
	Mono<Map<String, Object>> faults() {
		return this.events.faults().collectList().map((faults) -> Map.of("data", faults));
	}

	/**
	 * {@code {"app_id" | "page_id", "kind": "server_error" | "rate_limit" | "invalid_token",
	 * "calls"?, "seconds"? | "until"?}}.
	 */
	@PostMapping("/sandbox/api/faults")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Map<String, Object>> add(@RequestBody JsonNode json) {
		return Mono.defer(() -> {
			Body body = new Body(json);
			return this.events.addFault(body.optionalText("app_id"), body.optionalText("page_id"), body.text("kind"),
					body.number("calls"), body.number("seconds"), body.optionalText("until"));
		});
	}

	@DeleteMapping("/sandbox/api/faults/{id}")
	Mono<Map<String, Object>> remove(@PathVariable String id) {
		return Mono.defer(() -> this.events.removeFault(id)).thenReturn(Map.of("success", true));
	}

}
