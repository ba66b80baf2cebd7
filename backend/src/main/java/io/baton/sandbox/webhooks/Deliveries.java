package io.baton.sandbox.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.webhooks.Outbox.ClaimedApp;
import io.baton.sandbox.webhooks.Outbox.FailingApp;
import io.baton.sandbox.webhooks.Outbox.PendingUpdate;
import io.baton.sandbox.webhooks.WebhookPoster.Outcome;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Drives the outbox: when an update is published (and every poll interval, for retries
 * that come due), leases the apps with a due update and sends each one batch (one POST in
 * flight per app, in order), and looks again as soon as a batch is done, so a busy app's
 * updates follow each other without waiting for the next poll. Records the outcome:
 * delivered, or retried after the schedule's wait, alerting after {@code alert-after} and
 * unsubscribing the app after {@code disable-after} of failures.
 */
// Named apart from Baton's own io.baton.delivery.Deliveries: two beans called
// "deliveries" stop the application from starting.
@Component("sandboxWebhookDeliveries")
@ConditionalOnSandbox
class Deliveries implements DisposableBean {

	private static final Log logger = LogFactory.getLog(Deliveries.class);

	private final Outbox outbox;

	private final Subscribers subscribers;

	private final WebhookFailures failures;

	private final WebhookSettings settings;

	private final DatabaseClient database;

	private final WebhookPoster poster;

	private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

	private final Sinks.Many<Long> wakeUps = Sinks.many().multicast().directBestEffort();

	private @Nullable Disposable polling;

	Deliveries(Outbox outbox, Subscribers subscribers, WebhookFailures failures, WebhookSettings settings,
			DatabaseClient database, ObjectProvider<WebClient.Builder> webClients) {
		this.outbox = outbox;
		this.subscribers = subscribers;
		this.failures = failures;
		this.settings = settings;
		this.database = database;
		this.poster = new WebhookPoster(webClients.getIfAvailable(WebClient::builder).build(), settings.timeout());
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		this.polling = Flux.merge(Flux.interval(this.settings.pollInterval()), this.wakeUps.asFlux())
			.onBackpressureLatest()
			.concatMap((tick) -> claimApps(), 1)
			.flatMap(this::deliver, 64)
			.subscribe(null, (ex) -> logger.error("Webhook delivery stopped", ex));
	}

	/** Looks for due updates now rather than at the next poll. */
	void wakeUp() {
		this.wakeUps.tryEmitNext(0L);
	}

	@Override
	public void destroy() {
		if (this.polling != null) {
			this.polling.dispose();
		}
	}

	private Flux<ClaimedApp> claimApps() {
		// a duplicated POST may take twice the timeout; the app's delay is added by the
		// claim
		Duration lease = this.settings.timeout().multipliedBy(2).plusSeconds(10);
		// An app still finishing its last batch here may be claimed again once that batch
		// cleared its lease; give the claim back rather than hold it until it runs out.
		return this.outbox.claim(lease)
			.concatMap((app) -> this.inFlight.add(app.appId()) ? Mono.just(app)
					: this.outbox.release(app.appId()).then(Mono.<ClaimedApp>empty()))
			.onErrorResume((ex) -> {
				logger.warn("Could not claim webhook updates: " + ex);
				return Flux.empty();
			});
	}

	/** Without an active page subscription, what waits for the app is dropped. */
	private Mono<Void> deliver(ClaimedApp app) {
		return endpoint(app.appId()).map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((endpoint) -> endpoint.isPresent() ? deliver(app, endpoint.get())
					: this.outbox.dropAll(app.appId()))
			.onErrorResume((ex) -> {
				logger.warn("Webhook delivery to app " + app.appId() + " failed: " + ex);
				return this.outbox.release(app.appId());
			})
			.doFinally((signal) -> {
				this.inFlight.remove(app.appId());
				wakeUp();
			});
	}

	/** Sends one batch of the app's oldest updates. */
	private Mono<Void> deliver(ClaimedApp app, Endpoint endpoint) {
		return this.outbox.batch(app.appId(), this.settings.batchSize())
			.flatMap((batch) -> batch.isEmpty() ? this.outbox.release(app.appId()) : send(app, endpoint, batch));
	}

	private Mono<Void> send(ClaimedApp app, Endpoint endpoint, List<PendingUpdate> batch) {
		if (app.faults().drop()) {
			return this.outbox.delivered(app.appId(), batch);
		}
		byte[] body = WebhookPoster.body(batch.stream().map(PendingUpdate::entry).toList());
		Mono<Outcome> once = Mono.delay(Duration.ofMillis(app.faults().delayMs()))
			.then(Mono.defer(() -> this.poster.post(endpoint.url(), endpoint.secret(), body)));
		Mono<Outcome> attempt = app.faults().duplicate()
				? once.flatMap((first) -> first.delivered() ? once : Mono.just(first)) : once;
		return attempt.flatMap((outcome) -> outcome.delivered() ? this.outbox.delivered(app.appId(), batch)
				: recordFailure(app.appId(), endpoint, batch, outcome));
	}

	private Mono<Void> recordFailure(String appId, Endpoint endpoint, List<PendingUpdate> batch, Outcome outcome) {
		Duration backoff = this.settings.backoff(batch.get(0).attempts() + 1);
		return this.failures.record(appId, endpoint.url(), outcome.status(), outcome.describe())
			.then(this.outbox.failed(appId, batch, backoff))
			.flatMap(this::escalate)
			.then(this.outbox.dropOlderThan(appId, this.settings.dropAfter()));
	}

	private Mono<Void> escalate(FailingApp failing) {
		if (failing.failingFor().compareTo(this.settings.disableAfter()) >= 0) {
			return this.subscribers.disable(failing.appId())
				.then(this.outbox.dropAll(failing.appId()))
				.then(this.failures.alert(failing.appId(), "disabled",
						"Your webhook has been failing since " + failing.failingSince().toInstant()
								+ "; it was disabled and the app unsubscribed from every page."
								+ " Add the webhook again and subscribe each page again."));
		}
		if (!failing.alerted() && failing.failingFor().compareTo(this.settings.alertAfter()) >= 0) {
			return this.failures
				.alert(failing.appId(), "failing",
						"Your webhook has been failing since " + failing.failingSince().toInstant() + ".")
				.then(this.outbox.markAlerted(failing.appId()));
		}
		return Mono.empty();
	}

	private Mono<Endpoint> endpoint(String appId) {
		return this.database.sql(WebhookRows.ENDPOINT)

			.bind("app", appId)
			.map((row) -> new Endpoint(row.get("callback_url", String.class), row.get("secret", String.class)))
			.one();
	}

	private record Endpoint(String url, String secret) {

		@Override
		public String toString() {
			return "Endpoint[url=" + this.url + "]";
		}

	}

}
