package io.baton.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Plays Facebook towards a Baton: POSTs webhook bodies ({@link WebhookBodies}) to
 * {@code /webhooks/{appId}} signed with a plain JDK HMAC of the app secret.
 */
public final class FacebookWebhooks {

	private final HttpClient http = TestHttp.client();

	private final String baseUrl;

	public FacebookWebhooks(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** POSTs {@code body} signed with {@code secret}; answers the HTTP status. */
	public int post(String appId, String secret, String body) throws IOException, InterruptedException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		HttpRequest request = TestHttp.request(URI.create(this.baseUrl + "/webhooks/" + appId))
			.header("Content-Type", "application/json")
			.header("X-Hub-Signature-256", "sha256=" + hmac("HmacSHA256", secret, bytes))
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	public static String hmac(String algorithm, String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
