package io.baton.sandbox.console;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.baton.sandbox.ConditionalOnSandbox;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What Facebook does when a person asks an app to delete their data: POSTs a
 * {@code signed_request} (HMAC-SHA256 with the app secret) to the app's Data Deletion
 * Request URL. Every sandbox app's URL is {@code /facebook/data-deletion/{app-id}} on the
 * server the sandbox runs in, reached over loopback: the console cannot be made to post
 * anywhere else.
 */
@Component
@ConditionalOnSandbox
class DataDeletionRequests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final World world;

	private final Environment environment;

	private final Clock clock;

	private final WebClient http = WebClient.builder().build();

	DataDeletionRequests(World world, Environment environment, Clock clock) {
		this.world = world;
		this.environment = environment;
		this.clock = clock;
	}

	/**
	 * Sends the callback for the id the person has with the app (what Login or account
	 * linking gave the business); answers the status and body the app's server gave back.
	 */
	Mono<Map<String, Object>> send(String userId, String appId) {
		if (!userId.matches("[A-Za-z0-9_.-]{1,128}")) {
			throw WorldRefused.badInput("The person's id is letters, digits, '.', '_' or '-', up to 128");
		}
		return this.world.existingApp(appId).flatMap((app) -> {
			long now = this.clock.instant().getEpochSecond();
			Map<String, Object> payload = new LinkedHashMap<>();
			payload.put("algorithm", "HMAC-SHA256");
			payload.put("expires", now + 3600);
			payload.put("issued_at", now);
			payload.put("user_id", userId);
			String signed = signedRequest(JSON.writeValueAsBytes(payload), app.secret());
			return this.http.post()
				.uri("http://127.0.0.1:" + this.environment.getProperty("local.server.port", "8080")
						+ "/facebook/data-deletion/" + app.id())
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(BodyInserters.fromFormData("signed_request", signed))
				.exchangeToMono((response) -> response.bodyToMono(String.class)
					.defaultIfEmpty("")
					.map((body) -> Map.<String, Object>of("status", response.statusCode().value(), "body", body)))
				.timeout(TIMEOUT);
		});
	}

	static String signedRequest(byte[] payloadJson, String secret) {
		Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
		String payload = base64url.encodeToString(payloadJson);
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return base64url.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII))) + "." + payload;
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is unavailable", ex);
		}
	}

}
