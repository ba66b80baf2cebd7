package io.baton.sandbox.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;

import io.baton.sandbox.ConditionalOnSandbox;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The app dashboard's webhook tools as JSON: recent errors, developer alerts, and the
 * simulator's fault injection.
 */
@RestController
@ConditionalOnSandbox
class WebhookApi {

	private static final String APP = "/sandbox/api/apps/{appId:\\d+}";

	private final WebhookFailures failures;

	private final WebhookFaults faults;

	WebhookApi(WebhookFailures failures, WebhookFaults faults) {
		this.failures = failures;
		this.faults = faults;
	}

	@GetMapping(APP + "/webhook-errors")
	Mono<Map<String, Object>> recentErrors(@PathVariable String appId) {
		return this.failures.recentErrors(appId).collectList().map((errors) -> Map.of("data", errors));
	}

	@GetMapping(APP + "/webhook-alerts")
	Mono<Map<String, Object>> alerts(@PathVariable String appId) {
		return this.failures.alerts(appId).collectList().map((alerts) -> Map.of("data", alerts));
	}

	@GetMapping(APP + "/webhook-faults")
	Mono<Map<String, Object>> faults(@PathVariable String appId) {
		return this.faults.of(appId).map(WebhookApi::json);
	}

	@RequestMapping(path = APP + "/webhook-faults", method = { RequestMethod.PUT, RequestMethod.POST })
	Mono<ResponseEntity<Map<String, Object>>> setFaults(@PathVariable String appId,
			@RequestBody Map<String, Object> body) {
		Faults wanted = new Faults(number(body.get("delay_ms")), Boolean.TRUE.equals(body.get("duplicate")),
				Boolean.TRUE.equals(body.get("drop")));
		return this.faults.set(appId, wanted)
			.map((set) -> ResponseEntity.ok(json(set)))
			.defaultIfEmpty(ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "unknown app")));
	}

	static Map<String, Object> json(Faults faults) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("delay_ms", faults.delayMs());
		json.put("duplicate", faults.duplicate());
		json.put("drop", faults.drop());
		return json;
	}

	private static int number(Object value) {
		return (value instanceof Number number) ? number.intValue() : 0;
	}

}
