package io.baton.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Plays Facebook towards a Baton: builds Messenger batches and POSTs them to
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

	/** A batch of one page's entry with the given events. */
	public static String batch(String pageId, String... events) {
		return "{\"object\":\"page\",\"entry\":[" + entry(pageId, List.of(events)) + "]}";
	}

	public static String entry(String pageId, List<String> events) {
		return "{\"id\":\"" + pageId + "\",\"time\":1700000000000,\"messaging\":["
				+ events.stream().collect(Collectors.joining(",")) + "]}";
	}

	/** A person's text message. */
	public static String message(String pageId, String psid, String mid, String text) {
		return "{\"sender\":{\"id\":\"" + psid + "\"},\"recipient\":{\"id\":\"" + pageId + "\"},\"timestamp\":"
				+ System.currentTimeMillis() + ",\"message\":{\"mid\":\"" + mid + "\",\"text\":\"" + text + "\"}}";
	}

}
