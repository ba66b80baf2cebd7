package io.baton.ingress;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.baton.apps.AppDirectory;
import io.baton.graph.AppId;
import io.baton.tenancy.TenantTransactions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/{appId}}: reads the raw body (up to the size limit), checks
 * Facebook's signature over those exact bytes with the app secret, commits the batch to
 * PostgreSQL and only then answers 200. Every refusal is a clear 4xx recorded for the
 * health page; a database that cannot commit gives 503, so Facebook retries.
 */
@RestController
class WebhookIntake {

	private static final Logger logger = LoggerFactory.getLogger(WebhookIntake.class);

	private final AppDirectory directory;

	private final TenantTransactions transactions;

	private final JsonMapper json;

	private final IngressSettings settings;

	private final MeterRegistry meters;

	private final ApplicationEventPublisher events;

	WebhookIntake(AppDirectory directory, TenantTransactions transactions, JsonMapper json, IngressSettings settings,
			MeterRegistry meters, ApplicationEventPublisher events) {
		this.directory = directory;
		this.transactions = transactions;
		this.json = json;
		this.settings = settings;
		this.meters = meters;
		this.events = events;
	}

	@PostMapping("/webhooks/{appId}")
	Mono<ResponseEntity<String>> receive(@PathVariable String appId, ServerHttpRequest request) {
		AppId app = AppId.parse(appId).orElse(null);
		if (app == null) {
			return Mono.just(answer(HttpStatus.NOT_FOUND, "unknown_app", "Unknown app"));
		}
		return readBody(request)
			.flatMap((body) -> this.directory.lookUp(app)
				.flatMap((entry) -> checkAndStore(entry, request, body))
				.defaultIfEmpty(answer(HttpStatus.NOT_FOUND, "unknown_app", "Unknown app")))
			.onErrorResume(DataBufferLimitException.class, (ex) -> tooLarge(app))
			.onErrorResume(DataAccessException.class, (ex) -> {
				logger.warn("Webhook for app {} not stored (database unavailable): {}", app, ex.getMessage());
				return Mono
					.just(answer(HttpStatus.SERVICE_UNAVAILABLE, "database_unavailable", "Not stored; retry later"));
			});
	}

	private Mono<byte[]> readBody(ServerHttpRequest request) {
		return DataBufferUtils.join(request.getBody(), (int) this.settings.maxBodySize().toBytes()).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		}).defaultIfEmpty(new byte[0]);
	}

	private Mono<ResponseEntity<String>> checkAndStore(AppDirectory.Entry entry, ServerHttpRequest request,
			byte[] body) {
		String sha256 = request.getHeaders().getFirst("X-Hub-Signature-256");
		String sha1 = request.getHeaders().getFirst("X-Hub-Signature");
		String header = (sha256 != null) ? sha256 : (this.settings.acceptSha1Signature() ? sha1 : null);
		if (header == null) {
			return reject(entry, HttpStatus.FORBIDDEN, "missing_signature", "No X-Hub-Signature-256 header");
		}
		if (!Signatures.matches(header, body, entry.appSecret())) {
			return reject(entry, HttpStatus.FORBIDDEN, "bad_signature", "The signature does not match the body");
		}
		int entries = entries(body);
		if (entries < 0) {
			return reject(entry, HttpStatus.BAD_REQUEST, "malformed_json",
					"The body is not a webhook batch ({\"object\", \"entry\": [...]})");
		}
		return store(entry, body, entries).thenReturn(answer(HttpStatus.OK, "received", "EVENT_RECEIVED"));
	}

	private Mono<Void> store(AppDirectory.Entry entry, byte[] body, int entries) {
		return this.transactions.inTenant(entry.tenant(), (db) -> db.sql(
				"INSERT INTO webhook_batches (tenant_id, app_id, body, entries) VALUES (:tenant, :app, :body, :entries)")
			.bind("tenant", entry.tenant().value())
			.bind("app", entry.app().value())
			.bind("body", java.nio.ByteBuffer.wrap(body))
			.bind("entries", entries)
			.then()).doOnSuccess((stored) -> this.events.publishEvent(new BatchesStored(1)));
	}

	private Mono<ResponseEntity<String>> reject(AppDirectory.Entry entry, HttpStatus status, String reason,
			String detail) {
		return this.transactions
			.inTenant(entry.tenant(),
					(db) -> db
						.sql("INSERT INTO webhook_rejections (tenant_id, app_id, status, reason, detail)"
								+ " VALUES (:tenant, :app, :status, :reason, :detail)")
						.bind("tenant", entry.tenant().value())
						.bind("app", entry.app().value())
						.bind("status", status.value())
						.bind("reason", reason)
						.bind("detail", detail)
						.then())
			.thenReturn(answer(status, reason, detail));
	}

	private Mono<ResponseEntity<String>> tooLarge(AppId app) {
		return this.directory.lookUp(app)
			.flatMap((entry) -> reject(entry, HttpStatus.PAYLOAD_TOO_LARGE, "too_large",
					"The body exceeds " + this.settings.maxBodySize()))
			.defaultIfEmpty(answer(HttpStatus.PAYLOAD_TOO_LARGE, "too_large", "Too large"));
	}

	/** The number of entries of a well-formed batch, or -1. */
	private int entries(byte[] body) {
		try {
			JsonNode batch = this.json.readTree(body);
			return (batch.isObject() && batch.path("object").isString() && batch.path("entry").isArray())
					? batch.path("entry").size() : -1;
		}
		catch (RuntimeException ex) {
			return -1;
		}
	}

	private ResponseEntity<String> answer(HttpStatus status, String outcome, String text) {
		this.meters.counter("baton.ingress.requests", "outcome", outcome).increment();
		return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(text);
	}

}
