package io.baton.secrets;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTests {

	private static final String KEY_ONE = Base64.getEncoder().encodeToString(new byte[32]);

	private static final String KEY_TWO = Base64.getEncoder()
		.encodeToString("0123456789abcdef0123456789abcdef".getBytes());

	@Test
	void sealsWithTheCurrentKeyIdAndOpensAgain() {
		SecretBox box = new SecretBox(new EncryptionSettings(KEY_ONE, "k1", Map.of(), false));

		String sealed = box.seal(new Secret("app-secret-value"), "app-secret:123");

		assertThat(sealed).startsWith("k1:").doesNotContain("app-secret-value");
		assertThat(box.open(sealed, "app-secret:123").value()).isEqualTo("app-secret-value");
		assertThat(box.seal(new Secret("app-secret-value"), "app-secret:123")).as("a fresh nonce each time")
			.isNotEqualTo(sealed);
	}

	@Test
	void aValueMovedToAnotherContextOrTamperedWithDoesNotOpen() {
		SecretBox box = new SecretBox(new EncryptionSettings(KEY_ONE, "k1", Map.of(), false));
		String sealed = box.seal(new Secret("page-token"), "page-token:1");
		char[] tampered = sealed.toCharArray();
		tampered[tampered.length - 3] = (tampered[tampered.length - 3] == 'A') ? 'B' : 'A';

		assertThatThrownBy(() -> box.open(sealed, "page-token:2")).hasMessageContaining("integrity");
		assertThatThrownBy(() -> box.open(new String(tampered), "page-token:1")).hasMessageContaining("integrity");
	}

	@Test
	void afterRotationOldValuesStillOpenAndAreMarkedForResealing() {
		SecretBox before = new SecretBox(new EncryptionSettings(KEY_ONE, "k1", Map.of(), false));
		String old = before.seal(new Secret("s3cret"), "ctx");
		SecretBox after = new SecretBox(new EncryptionSettings(KEY_TWO, "k2", Map.of("k1", KEY_ONE), false));

		assertThat(after.open(old, "ctx").value()).isEqualTo("s3cret");
		assertThat(after.needsRotation(old)).isTrue();
		assertThat(after.needsRotation(after.seal(new Secret("s3cret"), "ctx"))).isFalse();
		assertThatThrownBy(() -> new SecretBox(new EncryptionSettings("c2hvcnQ=", "k3", Map.of(), false)))
			.hasMessageContaining("32 bytes");
	}

	@Test
	void secretsNeverShowThemselves() {
		assertThat(new Secret("hunter22")).hasToString("Secret[hidden]");
		assertThat(new Secret("hunter22").hint()).isEqualTo("…er22");
	}

}
