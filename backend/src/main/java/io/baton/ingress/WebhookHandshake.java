package io.baton.ingress;

import reactor.core.publisher.Mono;

import io.baton.apps.AppDirectory;
import io.baton.graph.AppId;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Facebook's verification handshake for an app's callback URL: {@code hub.mode=subscribe}
 * with the app's verify token is answered with {@code hub.challenge} as plain text;
 * anything else with 403, saying nothing about which apps exist.
 */
@RestController
class WebhookHandshake {

	private final AppDirectory directory;

	WebhookHandshake(AppDirectory directory) {
		this.directory = directory;
	}

	@GetMapping("/webhooks/{appId}")
	Mono<ResponseEntity<String>> verify(@PathVariable String appId,
			@RequestParam(name = "hub.mode", defaultValue = "") String mode,
			@RequestParam(name = "hub.verify_token", defaultValue = "") String verifyToken,
			@RequestParam(name = "hub.challenge", defaultValue = "") String challenge) {
		if (!"subscribe".equals(mode) || challenge.isEmpty()) {
			return Mono.just(refused());
		}
		return Mono.justOrEmpty(AppId.parse(appId))
			.flatMap(this.directory::lookUp)
			.filter((entry) -> entry.verifies(verifyToken))
			.map((entry) -> ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge))
			.defaultIfEmpty(refused());
	}

	private static ResponseEntity<String> refused() {
		return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body("Forbidden");
	}

}
