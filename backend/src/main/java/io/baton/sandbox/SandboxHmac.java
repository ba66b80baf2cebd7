package io.baton.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Facebook's keyed hashes as the sandbox computes and checks them:
 * {@code appsecret_proof} and webhook signatures are the lowercase hex HMAC of some
 * bytes, keyed with the app secret. The sandbox keeps its own copy of Baton's helper,
 * being a world of its own.
 */
public final class SandboxHmac {

	public static final String SHA256 = "HmacSHA256";

	public static final String SHA1 = "HmacSHA1";

	private SandboxHmac() {
	}

	public static String hex(String algorithm, String secret, byte[] data) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
			return HexFormat.of().formatHex(mac.doFinal(data));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(algorithm + " is unavailable", ex);
		}
	}

	/** Whether {@code hex} is the HMAC of {@code data}, compared in constant time. */
	public static boolean matches(String algorithm, String secret, byte[] data, String hex) {
		return MessageDigest.isEqual(hex.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
				hex(algorithm, secret, data).getBytes(StandardCharsets.US_ASCII));
	}

}
