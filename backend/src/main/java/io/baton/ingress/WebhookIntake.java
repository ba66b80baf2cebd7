package io.baton.ingress;

import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import io.baton.apps.AppDirectory;
import io.baton.graph.AppId;
import io.baton.ingress.WebhookBatches.Batch;
import io.baton.secrets.SecretUnavailable;
import io.baton.tenancy.TenantTransactions;

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
 * {@code POST /webhooks/{appId}}: reads the raw body (up to the size limit), checks
 * Facebook's signature over those exact bytes with the app secret, hands the batch to
 * {@link GroupCommit} and answers 200 only once the group holding it has committed. Every
 * refusal is a clear 4xx recorded for the health page; a batch that could not be
 * committed gives 503, so Facebook retries.
 */
@RestController
class WebhookIntake {

	private static final Logger logger = LoggerFactory.getLogger(WebhookIntake.class);

	private final AppDirectory directory;

	private final GroupCommit groupCommit;

	private final TenantTransactions transactions;

	private final JsonMapper json;

	private final IngressSettings settings;

	private final IngressMeters meters;

	WebhookIntake(AppDirectory directory, GroupCommit groupCommit, TenantTransactions transactions, JsonMapper json,
			IngressSettings settings, IngressMeters meters) {
		this.directory = directory;
		this.groupCommit = groupCommit;
		this.transactions = transactions;
		this.json = json;
		this.settings = settings;
		this.meters = meters;
	}

	@PostMapping("/webhooks/{appId}")
	Mono<ResponseEntity<String>> receive(@PathVariable String appId, ServerHttpRequest request) {
		Timer.Sample started = this.meters.requestStarted();
		AppId app = AppId.parse(appId).orElse(null);
		if (app == null) {
			return Mono.just(answer(HttpStatus.NOT_FOUND, "unknown_app", "Unknown app"));
		}
		return readBody(request)
			.flatMap((body) -> this.directory.lookUp(app)
				.flatMap((entry) -> checkAndStore(entry, request, body, started))
				.switchIfEmpty(Mono.fromSupplier(() -> answer(HttpStatus.NOT_FOUND, "unknown_app", "Unknown app"))))
			.timeout(this.settings.answerWithin())
			.onErrorResume(DataBufferLimitException.class, (ex) -> tooLarge(app))
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

	private Mono<byte[]> readBody(ServerHttpRequest request) {
		return DataBufferUtils.join(request.getBody(), (int) this.settings.maxBodySize().toBytes()).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		}).defaultIfEmpty(new byte[0]);
	}

	private Mono<ResponseEntity<String>> checkAndStore(AppDirectory.Entry entry, ServerHttpRequest request, byte[] body,
			Timer.Sample started) {
		String sha256 = request.getHeaders().getFirst("X-Hub-Signature-256");
		String sha1 = request.getHeaders().getFirst("X-Hub-Signature");
		String header = (sha256 != null) ? sha256 : (this.settings.acceptSha1Signature() ? sha1 : null);
		if (header == null) {
			return reject(entry, HttpStatus.FORBIDDEN, "missing_signature", "No X-Hub-Signature-256 header");
		}
		if (!Signatures.matches((sha256 != null) ? "sha256" : "sha1", header, body, entry.appSecret())) {
			return reject(entry, HttpStatus.FORBIDDEN, "bad_signature", "The signature does not match the body");
		}
		return BatchContents.read(this.json, body)
			.map((contents) -> store(entry, body, contents, started))
			.orElseGet(() -> reject(entry, HttpStatus.BAD_REQUEST, "malformed_json",
					"The body is not a webhook batch ({\"object\", \"entry\": [...]})"));
	}

	private Mono<ResponseEntity<String>> store(AppDirectory.Entry entry, byte[] body, BatchContents contents,
			Timer.Sample started) {
		return this.groupCommit.store(new Batch(entry.tenant(), entry.app(), body, contents.entries())).map((id) -> {
			this.meters.stored(entry.app(), contents, started);
			return answer(HttpStatus.OK, "received", "EVENT_RECEIVED");
		});
	}

	private Mono<ResponseEntity<String>> reject(AppDirectory.Entry entry, HttpStatus status, String reason,
			String detail) {
		this.meters.rejected(entry.app(), reason);
		return this.transactions
			.inTenant(entry.tenant(),
					(db) -> db.sql(IntakeRows.REJECT)
						.bind("tenant", entry.tenant().value())
						.bind("app", entry.app().value())
						.bind("status", status.value())
						.bind("reason", reason)
						.bind("detail", detail)
						.then())
			.then(Mono.fromSupplier(() -> answer(status, reason, detail)));
	}

	private Mono<ResponseEntity<String>> tooLarge(AppId app) {
		return this.directory.lookUp(app)
			.flatMap((entry) -> reject(entry, HttpStatus.PAYLOAD_TOO_LARGE, "too_large",
					"The body exceeds " + this.settings.maxBodySize()))
			.switchIfEmpty(Mono.fromSupplier(() -> answer(HttpStatus.PAYLOAD_TOO_LARGE, "too_large", "Too large")));
	}

	private ResponseEntity<String> answer(HttpStatus status, String outcome, String text) {
		this.meters.answered(outcome);
		return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(text);
	}

}
