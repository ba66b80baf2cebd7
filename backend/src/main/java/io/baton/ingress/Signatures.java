package io.baton.ingress;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.jspecify.annotations.Nullable;

import io.baton.secrets.Hmac;
import io.baton.secrets.Secret;

/**
 * Facebook's webhook signatures: a hex HMAC of the exact body bytes, keyed with the app
 * secret, compared in constant time.
 */
final class Signatures {

	private Signatures() {
	}

	/**
	 * {@code sha256=…} (or {@code sha1=…}) matches the body; null or malformed never
	 * does.
	 */
	static boolean matches(@Nullable String header, byte[] body, Secret appSecret) {
		int equals = (header != null) ? header.indexOf('=') : -1;
		return equals > 0 && matches(header.substring(0, equals), header, body, appSecret);
	}

	/**
	 * The header's value names {@code named} ({@code sha256} for
	 * {@code X-Hub-Signature-256}, {@code sha1} for {@code X-Hub-Signature}) and matches
	 * the body: the algorithm is bound to the header, never chosen by the sender.
	 */
	static boolean matches(String named, @Nullable String header, byte[] body, Secret appSecret) {
		if (header == null) {
			return false;
		}
		int equals = header.indexOf('=');
		if (equals <= 0 || !header.substring(0, equals).equals(named)) {
			return false;
		}
		String algorithm = switch (named) {
			case "sha256" -> Hmac.SHA256;
			case "sha1" -> Hmac.SHA1;
			default -> null;
		};
		if (algorithm == null) {
			return false;
		}
		byte[] expected = Hmac.hex(algorithm, appSecret, body).getBytes(StandardCharsets.US_ASCII);
		byte[] given = header.substring(equals + 1)
			.strip()
			.toLowerCase(java.util.Locale.ROOT)
			.getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, given);
	}

}
