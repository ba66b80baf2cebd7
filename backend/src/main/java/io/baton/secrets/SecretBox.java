package io.baton.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Authenticated encryption of secrets at rest (AES-256-GCM from the JDK). Each sealed
 * value names the key that sealed it ({@code keyId:base64(nonce|ciphertext|tag)}), so
 * keys can be rotated; the context (say, {@code app-secret:{appId}}) is bound as
 * associated data, so a value copied to another row does not open.
 */
@Component
public class SecretBox {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String currentKeyId;

	private final Map<String, SecretKey> keys = new HashMap<>();

	public SecretBox(EncryptionSettings settings) {
		this.currentKeyId = settings.keyId();
		settings.previousKeys().forEach((id, key) -> this.keys.put(id, key(id, key)));
		this.keys.put(settings.keyId(), key(settings.keyId(), settings.key()));
	}

	public String seal(Secret secret, String context) {
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, this.keys.get(this.currentKeyId), nonce, context);
			byte[] sealed = cipher.doFinal(secret.value().getBytes(StandardCharsets.UTF_8));
			return this.currentKeyId + ":" + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encrypt a secret", ex);
		}
	}

	public Secret open(String sealed, String context) {
		int colon = sealed.indexOf(':');
		SecretKey key = (colon > 0) ? this.keys.get(sealed.substring(0, colon)) : null;
		if (key == null) {
			throw new SecretUnavailable("A secret was sealed with a key Baton does not have (key id "
					+ ((colon > 0) ? sealed.substring(0, colon) : "?") + ")");
		}
		byte[] bytes = Base64.getDecoder().decode(sealed.substring(colon + 1));
		try {
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(bytes, NONCE_BYTES), context);
			byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
			return new Secret(new String(plain, StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new SecretUnavailable("A secret failed its integrity check (wrong key or context)", ex);
		}
	}

	/** Whether the value was sealed with an older key and should be sealed again. */
	public boolean needsRotation(String sealed) {
		return !sealed.startsWith(this.currentKeyId + ":");
	}

	private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String context)
			throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
		cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

	private static SecretKey key(String id, String base64) {
		if (base64 == null || base64.isBlank()) {
			throw new IllegalStateException("Encryption key " + id
					+ " is not set; set BATON_ENCRYPTION_KEY to the output of `openssl rand -base64 32`");
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Encryption key " + id + " is not base64", ex);
		}
		if (bytes.length != 32) {
			throw new IllegalStateException(
					"Encryption key " + id + " must be 32 bytes (base64 of 32 random bytes), not " + bytes.length);
		}
		return new SecretKeySpec(bytes, "AES");
	}

}
