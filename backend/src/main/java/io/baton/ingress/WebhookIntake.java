package io.baton.ingress;

import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import io.baton.apps.AppDirectory;
import io.baton.graph.AppId;
import io.baton.ingress.WebhookBatches.Batch;
import io.baton.platform.Budgets;
import io.baton.secrets.SecretUnavailable;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/{appId}}: finds the app (in memory when it can) and checks the
 * headers before reading the body, reads the raw body (up to the size limit), checks
 * Facebook's signature over those exact bytes with the app secret, hands the batch to
 * {@link GroupCommit} and answers 200 only once the group holding it has committed. Every
 * refusal is a clear 4xx counted for the health page, 429 once the address or the app has
 * used up its refusals ({@link IntakeLimits}); a batch that could not be committed gives
 * 503, so Facebook retries.
 */
@RestController
class WebhookIntake {

	private static final Logger logger = LoggerFactory.getLogger(WebhookIntake.class);

	private final AppDirectory directory;

	private final GroupCommit groupCommit;

	private final JsonMapper json;

	private final IngressSettings settings;

	private final IngressMeters meters;

	private final IntakeLimits limits;

	private final Refusals refusals;

	WebhookIntake(AppDirectory directory, GroupCommit groupCommit, JsonMapper json, IngressSettings settings,
			IngressMeters meters, IntakeLimits limits, Refusals refusals) {
		this.directory = directory;
		this.groupCommit = groupCommit;
		this.json = json;
		this.settings = settings;
		this.meters = meters;
		this.limits = limits;
		this.refusals = refusals;
	}

	@PostMapping("/webhooks/{appId}")
	Mono<ResponseEntity<String>> receive(@PathVariable String appId, ServerHttpRequest request) {
		Timer.Sample started = this.meters.requestStarted();
		String address = Budgets.addressOf(request.getRemoteAddress());
		AppId app = AppId.parse(appId).orElse(null);
		if (app == null) {
			return Mono.just(refuse(null, address, Refusal.UNKNOWN_APP));
		}
		// A spent address may still bring a registered app's signed batch (Facebook's
		// addresses carry every tenant's), but not a guess that costs a database lookup.
		if (this.limits.addressSpent(address) && !this.directory.isKnown(app)) {
			return Mono.just(refuse(null, address, Refusal.UNKNOWN_APP));
		}
		return this.directory.lookUp(app)
			.flatMap((entry) -> checkThenRead(entry, request, address, started))
			.switchIfEmpty(Mono.fromSupplier(() -> refuse(null, address, Refusal.UNKNOWN_APP)))
			.timeout(this.settings.answerWithin())
			.onErrorResume(SecretUnavailable.class, (ex) -> {
				logger.error("Webhook for app {} not checked: {}", app, ex.getMessage());
				return Mono
					.just(answer(HttpStatus.SERVICE_UNAVAILABLE, "secret_unavailable", "Not stored; retry later"));
			})
			.onErrorResume(WebhookIntake::notStored, (ex) -> {
				logger.warn("Webhook for app {} not stored: {}", app, ex.getMessage());
				return Mono
					.just(answer(HttpStatus.SERVICE_UNAVAILABLE, "database_unavailable", "Not stored; retry later"));
			});
	}

	private static boolean notStored(Throwable ex) {
		return ex instanceof BatchesNotStored || ex instanceof DataAccessException || ex instanceof TransactionException
				|| ex instanceof TimeoutException;
	}

	private Mono<ResponseEntity<String>> checkThenRead(AppDirectory.Entry entry, ServerHttpRequest request,
			String address, Timer.Sample started) {
		String sha256 = request.getHeaders().getFirst("X-Hub-Signature-256");
		String sha1 = request.getHeaders().getFirst("X-Hub-Signature");
		String signature = (sha256 != null) ? sha256 : (this.settings.acceptSha1Signature() ? sha1 : null);
		if (signature == null) {
			return Mono.just(refuse(entry, address, Refusal.MISSING_SIGNATURE));
		}
		long declared = request.getHeaders().getContentLength();
		long maxBody = this.settings.maxBodySize().toBytes();
		if (declared > maxBody) {
			return Mono.just(refuse(entry, address, Refusal.TOO_LARGE));
		}
		long reading = (declared >= 0) ? declared : maxBody;
		if (!this.limits.startReading(reading)) {
			return Mono.just(answer(HttpStatus.SERVICE_UNAVAILABLE, "busy_reading", "Too many bodies being read"));
		}
		String algorithm = (sha256 != null) ? "sha256" : "sha1";
		return readBody(request).doFinally((signal) -> this.limits.doneReading(reading))
			.flatMap((body) -> checkAndStore(entry, algorithm, signature, body, address, started))
			.onErrorResume(DataBufferLimitException.class,
					(ex) -> Mono.just(refuse(entry, address, Refusal.TOO_LARGE)));
	}

	private Mono<byte[]> readBody(ServerHttpRequest request) {
		return DataBufferUtils.join(request.getBody(), (int) this.settings.maxBodySize().toBytes()).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		}).defaultIfEmpty(new byte[0]);
	}

	private Mono<ResponseEntity<String>> checkAndStore(AppDirectory.Entry entry, String algorithm, String signature,
			byte[] body, String address, Timer.Sample started) {
		if (!Signatures.matches(algorithm, signature, body, entry.appSecret())) {
			return Mono.just(refuse(entry, address, Refusal.BAD_SIGNATURE));
		}
		return BatchContents.read(this.json, body)
			.map((contents) -> storeWithinLimit(entry, body, contents, started))
			.orElseGet(() -> Mono.just(refuse(entry, address, Refusal.MALFORMED_JSON)));
	}

	private Mono<ResponseEntity<String>> storeWithinLimit(AppDirectory.Entry entry, byte[] body, BatchContents contents,
			Timer.Sample started) {
		if (!this.limits.takeSigned(entry.app())) {
			this.refusals.count(entry.tenant(), entry.app(), Refusal.SIGNED_RATE_LIMITED);
			return Mono.just(tooMany(Refusal.SIGNED_RATE_LIMITED, this.limits.signedRetryAfterSeconds()));
		}
		return this.groupCommit.store(new Batch(entry.tenant(), entry.app(), body, contents.entries())).map((id) -> {
			this.meters.stored(entry.app(), contents, started);
			return answer(HttpStatus.OK, "received", "EVENT_RECEIVED");
		});
	}

	/**
	 * The refusal's answer, or 429 once the address or the app has used up its refusals;
	 * counted for the app's health page when the app is known.
	 */
	private ResponseEntity<String> refuse(AppDirectory.@Nullable Entry entry, String address, Refusal refusal) {
		boolean withinBudget = this.limits.takeRefusal(address, (entry != null) ? entry.app() : null);
		Refusal answered = withinBudget ? refusal : Refusal.RATE_LIMITED;
		if (entry != null) {
			this.refusals.count(entry.tenant(), entry.app(), answered);
		}
		return withinBudget ? answer(refusal.status(), refusal.reason(), refusal.detail())
				: tooMany(answered, this.limits.refusalsRetryAfterSeconds());
	}

	private ResponseEntity<String> tooMany(Refusal refusal, long retryAfterSeconds) {
		this.meters.answered(refusal.reason());
		return ResponseEntity.status(refusal.status())
			.header("Retry-After", Long.toString(retryAfterSeconds))
			.contentType(MediaType.TEXT_PLAIN)
			.body(refusal.detail());
	}

	private ResponseEntity<String> answer(HttpStatus status, String outcome, String text) {
		this.meters.answered(outcome);
		return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(text);
	}

}
