package io.baton.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Facebook's keyed hashes: {@code appsecret_proof} and webhook signatures are the
 * lowercase hex HMAC of some bytes, keyed with the app secret.
 */
public final class Hmac {

	public static final String SHA256 = "HmacSHA256";

	public static final String SHA1 = "HmacSHA1";

	private Hmac() {
	}

	public static String hex(String algorithm, Secret key, byte[] data) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(key.value().getBytes(StandardCharsets.UTF_8), algorithm));
			return HexFormat.of().formatHex(mac.doFinal(data));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(algorithm + " is unavailable", ex);
		}
	}

}
