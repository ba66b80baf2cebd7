package io.baton.sandbox.demobot;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.SandboxHmac;
import io.baton.sandbox.accounts.SandboxApp;
import io.baton.sandbox.accounts.SandboxApps;
import io.baton.sandbox.webhooks.SandboxClock;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo bot's endpoint, {@code POST /sandbox/demo-bot/{appId}}: checks
 * {@code X-Hub-Signature-256} over the exact body with the app's secret, as a bot of that
 * app would, records what came, and answers as the app's {@link Mode} says.
 */
@RestController
@ConditionalOnSandbox
class DemoBotEndpoint {

	static final String SIGNATURE = "X-Hub-Signature-256";

	static final String DELIVERY = "X-Baton-Delivery";

	static final String ATTEMPT = "X-Baton-Attempt";

	private final SandboxApps apps;

	private final Receipts receipts;

	private final SandboxClock clock;

	private final DemoBotSettings settings;

	DemoBotEndpoint(SandboxApps apps, Receipts receipts, SandboxClock clock, DemoBotSettings settings) {
		this.apps = apps;
		this.receipts = receipts;
		this.clock = clock;
		this.settings = settings;
	}

	@PostMapping("/sandbox/demo-bot/{appId:\\d+}")
	Mono<ResponseEntity<String>> receive(@PathVariable String appId, @RequestHeader HttpHeaders headers,
			@RequestBody(required = false) byte @Nullable [] body) {
		Instant receivedAt = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		byte[] bytes = (body != null) ? body : new byte[0];
		return this.apps.find(appId)
			.zipWith(this.receipts.mode(appId))
			.flatMap((appAndMode) -> receive(appAndMode.getT1(), appAndMode.getT2(), headers, bytes, receivedAt))
			.defaultIfEmpty(plain(HttpStatus.NOT_FOUND, "Unknown app"));
	}

	private Mono<ResponseEntity<String>> receive(SandboxApp app, Mode mode, HttpHeaders headers, byte[] body,
			Instant receivedAt) {
		boolean signed = verifySignature(app, headers, body);
		Optional<DeliveredEvent> event = DeliveredEvent.firstOf(body);
		Verdict verdict = judge(signed, event.isPresent(), mode);
		Arrival arrival = new Arrival(verdict.outcome, signed, headers.getFirst(DELIVERY), attempt(headers),
				event.orElse(null), receivedAt, keptBody(body));
		return this.receipts.record(app.id(), arrival).then(answer(verdict, mode));
	}

	private static boolean verifySignature(SandboxApp app, HttpHeaders headers, byte[] body) {
		String signature = headers.getFirst(SIGNATURE);
		return signature != null && signature.startsWith("sha256=")
				&& SandboxHmac.matches(SandboxHmac.SHA256, app.secret(), body, signature.substring("sha256=".length()));
	}

	private static Verdict judge(boolean signed, boolean batch, Mode mode) {
		if (!signed) {
			return Verdict.BAD_SIGNATURE;
		}
		if (!batch) {
			return Verdict.NOT_A_BATCH;
		}
		return (mode == Mode.FAIL) ? Verdict.FAILING : Verdict.ACCEPTED;
	}

	private Mono<ResponseEntity<String>> answer(Verdict verdict, Mode mode) {
		ResponseEntity<String> answer = plain(verdict.status, verdict.message);
		if (verdict == Verdict.ACCEPTED && mode == Mode.SLOW) {
			return Mono.delay(this.settings.slowDelay()).thenReturn(answer);
		}
		return Mono.just(answer);
	}

	private static @Nullable Integer attempt(HttpHeaders headers) {
		String attempt = headers.getFirst(ATTEMPT);
		return (attempt != null && attempt.matches("[0-9]{1,9}")) ? Integer.valueOf(attempt) : null;
	}

	private String keptBody(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		return (text.length() > this.settings.keptBody()) ? text.substring(0, this.settings.keptBody()) : text;
	}

	private static ResponseEntity<String> plain(HttpStatus status, String message) {
		return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(message);
	}

	/** What the bot makes of a request, and how it answers. */
	private enum Verdict {

		BAD_SIGNATURE(Outcome.REFUSED, HttpStatus.FORBIDDEN, "The signature does not match the body"),

		NOT_A_BATCH(Outcome.REFUSED, HttpStatus.BAD_REQUEST, "The body is not a webhook batch"),

		FAILING(Outcome.FAILED, HttpStatus.INTERNAL_SERVER_ERROR, "The demo bot is set to fail"),

		ACCEPTED(Outcome.ACCEPTED, HttpStatus.OK, "EVENT_RECEIVED");

		private final Outcome outcome;

		private final HttpStatus status;

		private final String message;

		Verdict(Outcome outcome, HttpStatus status, String message) {
			this.outcome = outcome;
			this.status = status;
			this.message = message;
		}

	}

}
