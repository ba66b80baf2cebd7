package io.baton.sandbox.demobot;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.accounts.SandboxApp;
import io.baton.sandbox.accounts.SandboxApps;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The demo bot as JSON, for tests and benchmarks: set an app's mode, list what it
 * received (newest first), figures over it, forget it. Errors are the console's
 * {@code {"error": {"message", "status"}}}.
 */
@RestController
@ConditionalOnSandbox
class DemoBotApi {

	private static final String APP = "/sandbox/api/demo-bot/{appId:\\d+}";

	private static final int MAX_LIMIT = 1000;

	private final SandboxApps apps;

	private final Receipts receipts;

	DemoBotApi(SandboxApps apps, Receipts receipts) {
		this.apps = apps;
		this.receipts = receipts;
	}

	@PostMapping(APP + "/mode")
	Mono<Map<String, Object>> setMode(@PathVariable String appId, @RequestBody Map<String, Object> body) {
		Mode mode = Mode.parse(String.valueOf(body.get("mode")))
			.orElseThrow(() -> refused(HttpStatus.BAD_REQUEST, "Field mode must be one of ok, fail, slow"));
		return this.receipts.setMode(appId, mode)
			.flatMap((set) -> set ? Mono.just(Map.<String, Object>of("app_id", appId, "mode", mode.value()))
					: Mono.error(unknownApp()));
	}

	@GetMapping(APP + "/receipts")
	Mono<Map<String, Object>> receipts(@PathVariable String appId, @RequestParam(defaultValue = "0") long since,
			@RequestParam(defaultValue = "100") int limit) {
		Instant from = since(since);
		return knownApp(appId)
			.flatMap((app) -> this.receipts.latest(app.id(), from, Math.max(1, Math.min(limit, MAX_LIMIT)))
				.map(Receipt::json)
				.collectList())
			.map((data) -> Map.of("data", data));
	}

	@GetMapping(APP + "/stats")
	Mono<Map<String, Object>> stats(@PathVariable String appId, @RequestParam(defaultValue = "0") long since) {
		Instant from = since(since);
		return knownApp(appId).flatMap((app) -> this.receipts.stats(app.id(), from));
	}

	@DeleteMapping(APP + "/receipts")
	Mono<Map<String, Object>> clear(@PathVariable String appId) {
		return knownApp(appId).flatMap((app) -> this.receipts.clear(app.id())).map((n) -> Map.of("deleted", n));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> refused(ResponseStatusException refused) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("message", String.valueOf(refused.getReason()));
		error.put("status", refused.getStatusCode().value());
		return ResponseEntity.status(refused.getStatusCode()).body(Map.of("error", error));
	}

	private Mono<SandboxApp> knownApp(String appId) {
		return this.apps.find(appId).switchIfEmpty(Mono.error(DemoBotApi::unknownApp));
	}

	private static Instant since(long ms) {
		if (ms < 0 || ms > Receipts.LATEST_MS) {
			throw refused(HttpStatus.BAD_REQUEST, "Parameter since must be a time in ms since the epoch");
		}
		return Instant.ofEpochMilli(ms);
	}

	private static ResponseStatusException unknownApp() {
		return refused(HttpStatus.NOT_FOUND, "Unknown app");
	}

	private static ResponseStatusException refused(HttpStatusCode status, String message) {
		return new ResponseStatusException(status, message);
	}

}
