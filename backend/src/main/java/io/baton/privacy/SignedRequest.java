package io.baton.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.baton.platform.Rejected;
import io.baton.secrets.Hmac;
import io.baton.secrets.Secret;

/**
 * Facebook's {@code signed_request}: base64url of the HMAC-SHA256 signature, a dot, and
 * base64url of a JSON payload; signed with the app secret over the payload's encoded
 * text. Only a request signed with the app's secret, with HMAC-SHA256, naming a user and
 * not expired, is accepted.
 */
record SignedRequest(String userId, Instant issuedAt) {

	private static final int MAX_LENGTH = 8192;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static SignedRequest verify(String signedRequest, Secret appSecret, Instant now) {
		if (signedRequest.isEmpty() || signedRequest.length() > MAX_LENGTH) {
			throw new Rejected("signed_request is missing or longer than " + MAX_LENGTH + " characters");
		}
		int dot = signedRequest.indexOf('.');
		if (dot <= 0 || dot == signedRequest.length() - 1 || signedRequest.indexOf('.', dot + 1) >= 0) {
			throw new Rejected("signed_request is not a signature and a payload separated by one dot");
		}
		String encodedPayload = signedRequest.substring(dot + 1);
		byte[] signature = decode(signedRequest.substring(0, dot), "signature");
		JsonNode payload = payload(decode(encodedPayload, "payload"));
		if (!"HMAC-SHA256".equalsIgnoreCase(payload.path("algorithm").asString(""))) {
			throw new Rejected("signed_request must use the HMAC-SHA256 algorithm");
		}
		String expected = Hmac.hex(Hmac.SHA256, appSecret, encodedPayload.getBytes(StandardCharsets.US_ASCII));
		if (!MessageDigest.isEqual(HexFormat.of().formatHex(signature).getBytes(StandardCharsets.US_ASCII),
				expected.getBytes(StandardCharsets.US_ASCII))) {
			throw new Rejected("signed_request is not signed with this app's secret");
		}
		String userId = payload.path("user_id").isNumber() ? payload.path("user_id").asString()
				: payload.path("user_id").asString("");
		if (userId.isBlank() || userId.length() > 128) {
			throw new Rejected("signed_request names no user_id");
		}
		long expires = payload.path("expires").asLong(0);
		if (expires > 0 && Instant.ofEpochSecond(expires).isBefore(now)) {
			throw new Rejected("signed_request expired at " + Instant.ofEpochSecond(expires));
		}
		return new SignedRequest(userId, Instant.ofEpochSecond(payload.path("issued_at").asLong(now.getEpochSecond())));
	}

	private static byte[] decode(String part, String what) {
		try {
			return Base64.getUrlDecoder().decode(part.replace('+', '-').replace('/', '_').replace("=", ""));
		}
		catch (IllegalArgumentException ex) {
			throw new Rejected("signed_request's " + what + " is not base64url");
		}
	}

	private static JsonNode payload(byte[] bytes) {
		try {
			JsonNode payload = JSON.readTree(bytes);
			if (!payload.isObject()) {
				throw new Rejected("signed_request's payload is not a JSON object");
			}
			return payload;
		}
		catch (JacksonException ex) {
			throw new Rejected("signed_request's payload is not JSON");
		}
	}

}
