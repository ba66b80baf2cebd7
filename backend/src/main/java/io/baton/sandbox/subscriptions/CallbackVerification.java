package io.baton.sandbox.subscriptions;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.SandboxSettings;
import io.baton.sandbox.graph.GraphError;
import io.netty.util.NetUtil;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The handshake before an app subscription is accepted: {@code GET callback_url} with
 * {@code hub.mode=subscribe}, a random {@code hub.challenge} and the
 * {@code hub.verify_token}; only a 200 whose body is exactly the challenge, within the
 * timeout, passes. Anything else is Graph's 2200. The sandbox calls nothing but Baton's
 * own webhook URL for the app, or a {@code /webhooks/} path on loopback (a test's
 * receiver), so it relays no request into the network it runs in.
 */
@Component
@ConditionalOnSandbox
class CallbackVerification {

	private static final String NOT_VALIDATED = "The URL couldn't be validated. ";

	private static final int SHOWN = 100;

	private final WebClient http = WebClient.builder().build();

	/**
	 * One path segment after {@code /webhooks/}: no dots, no escapes, nothing to
	 * normalise.
	 */
	private static final Pattern WEBHOOKS_PATH = Pattern.compile("/webhooks/[A-Za-z0-9_-]+");

	private final Duration timeout;

	private final @Nullable URI baton;

	CallbackVerification(SandboxSettings settings) {
		this.timeout = settings.subscriptions().verificationTimeout();
		this.baton = settings.subscriptions().batonUrl();
	}

	Mono<Void> verify(String appId, URI callbackUrl, String verifyToken) {
		if (!callable(appId, callbackUrl)) {
			return Mono.error(GraphError
				.callbackVerificationFailed(NOT_VALIDATED + "The sandbox calls back only Baton's own webhook URL ("
						+ ownWebhooks(appId) + ") or a /webhooks/ path on loopback."));
		}
		String challenge = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 10_000_000_000L));
		return this.http.get()
			.uri(handshake(callbackUrl, challenge, verifyToken))
			.exchangeToMono(this::answer)
			.timeout(this.timeout)
			.onErrorMap((failure) -> !(failure instanceof GraphError), this::unreachable)
			.flatMap((body) -> body.equals(challenge) ? Mono.<Void>empty()
					: Mono.error(GraphError.callbackVerificationFailed(
							NOT_VALIDATED + "Response does not match challenge, expected value=\"" + challenge
									+ "\", received=\"" + shorten(body) + "\"")));
	}

	private Mono<String> answer(ClientResponse response) {
		if (response.statusCode().value() != 200) {
			return response.releaseBody()
				.then(Mono.error(GraphError.callbackVerificationFailed(
						NOT_VALIDATED + "Callback verification failed with the following errors: HTTP Status Code = "
								+ response.statusCode().value())));
		}
		return response.bodyToMono(String.class).defaultIfEmpty("");
	}

	private GraphError unreachable(Throwable failure) {
		String reason = (failure instanceof TimeoutException)
				? "curl_errno = 28; curl_error = Operation timed out after " + this.timeout.toMillis() + " milliseconds"
				: "curl_errno = 7; curl_error = Couldn't connect to server";
		return GraphError.callbackVerificationFailed(
				NOT_VALIDATED + "Callback verification failed with the following errors: " + reason);
	}

	private boolean callable(String appId, URI url) {
		String path = (url.getRawPath() != null) ? url.getRawPath() : "";
		if (url.getRawUserInfo() != null || !WEBHOOKS_PATH.matcher(path).matches()) {
			return false;
		}
		return isBatons(url) ? path.equals("/webhooks/" + appId) : isLoopback(url.getHost());
	}

	private boolean isBatons(URI url) {
		return this.baton != null && this.baton.getHost() != null && url.getHost() != null
				&& this.baton.getScheme().equalsIgnoreCase(url.getScheme())
				&& this.baton.getHost().equalsIgnoreCase(url.getHost()) && port(this.baton) == port(url);
	}

	private String ownWebhooks(String appId) {
		String base = (this.baton != null) ? this.baton.toString().replaceAll("/+$", "") : "";
		return base + "/webhooks/" + appId;
	}

	private static boolean isLoopback(@Nullable String host) {
		if (host == null) {
			return false;
		}
		String bare = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		InetAddress address = NetUtil.createInetAddressFromIpAddressString(bare);
		return bare.equalsIgnoreCase("localhost") || (address != null && address.isLoopbackAddress());
	}

	private static int port(URI url) {
		return (url.getPort() != -1) ? url.getPort() : ("https".equalsIgnoreCase(url.getScheme()) ? 443 : 80);
	}

	private static URI handshake(URI callbackUrl, String challenge, String verifyToken) {
		String query = "hub.mode=subscribe&hub.challenge=" + challenge + "&hub.verify_token="
				+ URLEncoder.encode(verifyToken, StandardCharsets.UTF_8);
		String raw = callbackUrl.toString();
		int fragment = raw.indexOf('#');
		String base = (fragment >= 0) ? raw.substring(0, fragment) : raw;
		return URI.create(base + ((callbackUrl.getRawQuery() != null) ? "&" : "?") + query);
	}

	private static String shorten(String body) {
		return (body.length() > SHOWN) ? body.substring(0, SHOWN) + "…" : body;
	}

}
