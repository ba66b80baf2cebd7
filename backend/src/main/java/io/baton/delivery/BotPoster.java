package io.baton.delivery;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import io.baton.apps.BotEndpointPolicy;
import io.baton.apps.EndpointRefused;
import io.baton.platform.Redaction;
import io.baton.secrets.Hmac;
import io.baton.secrets.Secret;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * POSTs a delivery to its bot exactly as Facebook would POST a webhook: the JSON body,
 * {@code X-Hub-Signature-256} (and the older {@code X-Hub-Signature}) keyed with the app
 * secret, so a bot written for Facebook verifies it unchanged; plus
 * {@code X-Baton-Delivery} and {@code X-Baton-Attempt}, so a bot can drop a delivery it
 * has already handled. Connections go only where {@link BotEndpointPolicy} allows, and a
 * redirect is an answer like any other, never followed.
 */
@Component
class BotPoster {

	static final String DELIVERY_HEADER = "X-Baton-Delivery";

	static final String ATTEMPT_HEADER = "X-Baton-Attempt";

	private static final int MAX_RESPONSE_BYTES = 64 * 1024;

	private final WebClient http;

	private final DeliverySettings settings;

	/** Why a delivery of an app without a bot endpoint is skipped. */
	static final String NO_ENDPOINT = "The app has no bot endpoint";

	static final String NO_SECRET = "The app secret cannot be opened (is its encryption key configured?)";

	BotPoster(WebClient.Builder builder, DeliverySettings settings, BotEndpointPolicy endpoints) {
		this.settings = settings;
		HttpClient client = HttpClient
			.create(ConnectionProvider.builder("bot-endpoints")
				.maxConnections(256)
				.pendingAcquireMaxCount(4096)
				.maxIdleTime(Duration.ofSeconds(30))
				.build())
			.resolver(endpoints.connections())
			.followRedirect(false)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(settings.timeout().toMillis(), 5000))
			.responseTimeout(settings.timeout());
		this.http = builder.clone()
			.clientConnector(new ReactorClientHttpConnector(client))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(MAX_RESPONSE_BYTES))
			.build();
	}

	/** Never fails: whatever goes wrong is this delivery's outcome. */
	Mono<PostResult> post(ClaimedDelivery delivery) {
		if (delivery.endpoint() == null || delivery.endpoint().isBlank()) {
			return Mono.just(PostResult.skipped(NO_ENDPOINT));
		}
		if (delivery.appSecret() == null) {
			return Mono.just(PostResult.notAttempted(NO_SECRET));
		}
		long started = System.nanoTime();
		return Mono.defer(() -> send(delivery, delivery.endpoint(), delivery.appSecret(), started))
			.onErrorResume((ex) -> Mono.just(failure(ex, elapsed(started))));
	}

	private Mono<PostResult> send(ClaimedDelivery delivery, String endpoint, Secret appSecret, long started) {
		return this.http.post()
			.uri(URI.create(endpoint))
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Hub-Signature-256", "sha256=" + Hmac.hex(Hmac.SHA256, appSecret, delivery.payload()))
			.header("X-Hub-Signature", "sha1=" + Hmac.hex(Hmac.SHA1, appSecret, delivery.payload()))
			.header(DELIVERY_HEADER, Long.toString(delivery.id()))
			.header(ATTEMPT_HEADER, Integer.toString(delivery.attempt()))
			.header("User-Agent", "Baton-Delivery/1.0")
			.bodyValue(delivery.payload())
			.exchangeToMono((response) -> response.bodyToMono(String.class)
				.onErrorResume(DataBufferLimitException.class, (ex) -> Mono.just("(answer longer than 64 KB)"))
				.defaultIfEmpty("")
				.map((body) -> {
					int status = response.statusCode().value();
					boolean ok = response.statusCode().is2xxSuccessful();
					return new PostResult(ok ? AttemptOutcome.DELIVERED : AttemptOutcome.FAILED, status,
							elapsed(started), ok ? "" : "The bot answered " + status, clip(body));
				}))
			.timeout(this.settings.timeout().plusSeconds(1))
			.onErrorResume((ex) -> Mono.just(failure(ex, elapsed(started))));
	}

	private PostResult failure(Throwable ex, int durationMs) {
		Throwable cause = (ex instanceof WebClientRequestException request && request.getCause() != null)
				? request.getCause() : ex;
		boolean timedOut = cause instanceof TimeoutException || cause instanceof ReadTimeoutException
				|| cause instanceof ConnectTimeoutException;
		return timedOut
				? new PostResult(AttemptOutcome.TIMEOUT, null, durationMs,
						"No answer within " + this.settings.timeout().toMillis() + " ms", "")
				: new PostResult(AttemptOutcome.UNREACHABLE, null, durationMs, unreachable(cause), "");
	}

	/**
	 * Why the bot could not be reached, in words that name the kind of failure and never
	 * the network's own text (addresses, ports), so the log is no tool to map Baton's
	 * network.
	 */
	private static String unreachable(Throwable cause) {
		if (cause instanceof EndpointRefused refused) {
			return refused.getMessage();
		}
		if (cause instanceof UnknownHostException) {
			return "Could not reach the bot: its host name does not resolve";
		}
		if (cause instanceof SSLException) {
			return "Could not reach the bot: the TLS handshake failed (is its certificate valid for its name?)";
		}
		if (cause instanceof ConnectException) {
			return "Could not reach the bot: the connection was refused";
		}
		return "Could not reach the bot: the connection failed";
	}

	/** The start of the bot's answer, credentials redacted first. */
	private String clip(String body) {
		String redacted = Redaction.of(body);
		return (redacted.length() <= this.settings.responseChars()) ? redacted
				: redacted.substring(0, this.settings.responseChars()) + "…";
	}

	private static int elapsed(long started) {
		return (int) Duration.ofNanos(System.nanoTime() - started).toMillis();
	}

}
