package io.baton.sandbox.webhooks;

import java.time.Duration;
import java.util.List;

import io.baton.sandbox.SandboxHmac;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One POST of a batch to an app's callback URL: the body serialised with non-ASCII
 * escaped as {@code \\uXXXX}, signed over exactly those bytes with the app secret
 * ({@code X-Hub-Signature} SHA-1 and {@code X-Hub-Signature-256} SHA-256).
 */
class WebhookPoster {

	private static final JsonMapper json = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

	private final WebClient http;

	private final Duration timeout;

	WebhookPoster(WebClient http, Duration timeout) {
		this.http = http;
		this.timeout = timeout;
	}

	static byte[] body(List<String> entries) {
		ObjectNode body = json.createObjectNode();
		body.put("object", "page");
		ArrayNode items = body.putArray("entry");
		entries.forEach((entry) -> items.add(json.readTree(entry)));
		return lowercaseEscapes(json.writeValueAsBytes(body));
	}

	/**
	 * Facebook writes {@code \u00e7}, with lowercase hex; Jackson writes uppercase. Only
	 * real escapes change, never an escaped backslash followed by a "u".
	 */
	static byte[] lowercaseEscapes(byte[] ascii) {
		for (int i = 0; i < ascii.length - 1; i++) {
			if (ascii[i] != '\\') {
				continue;
			}
			if (ascii[i + 1] == 'u') {
				for (int j = i + 2; j < Math.min(i + 6, ascii.length); j++) {
					ascii[j] = (byte) Character.toLowerCase((char) ascii[j]);
				}
				i += 5;
			}
			else {
				i++;
			}
		}
		return ascii;
	}

	/** Posts once; the outcome is never an error signal. */
	Mono<Outcome> post(String url, String secret, byte[] body) {
		return this.http.post()
			.uri(url)
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Hub-Signature", "sha1=" + SandboxHmac.hex(SandboxHmac.SHA1, secret, body))
			.header("X-Hub-Signature-256", "sha256=" + SandboxHmac.hex(SandboxHmac.SHA256, secret, body))
			.bodyValue(body)
			.exchangeToMono(
					(response) -> response.releaseBody().thenReturn(new Outcome(response.statusCode().value(), null)))
			.timeout(this.timeout)
			.onErrorResume((ex) -> Mono.just(new Outcome(null, describe(ex))));
	}

	private String describe(Throwable ex) {
		if (ex instanceof java.util.concurrent.TimeoutException) {
			return "Timed out after " + this.timeout.toMillis() + " ms";
		}
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

	/**
	 * What the endpoint did.
	 *
	 * @param status the HTTP status, when it answered
	 * @param error why there was no answer
	 */
	record Outcome(@Nullable Integer status, @Nullable String error) {

		boolean delivered() {
			return this.status != null && this.status == 200;
		}

		String describe() {
			return (this.error != null) ? this.error : "HTTP " + this.status;
		}

	}

}
