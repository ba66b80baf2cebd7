package io.baton.ingress;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.baton.secrets.Secret;
import io.baton.testing.FacebookWebhooks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Facebook's webhook signature check on its own: the header must carry the HMAC of the
 * exact body bytes under the app secret, made here with a plain JDK HMAC.
 */
class SignaturesTests {

	static final Secret SECRET = new Secret("the-app-secret");

	static final byte[] BODY = "{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"text\":\"Gr\\u00fc\\u00dfe\"}]}"
		.getBytes(StandardCharsets.UTF_8);

	@Test
	void aSha256HeaderOfTheExactBodyMatches() {
		String header = "sha256=" + FacebookWebhooks.hmac("HmacSHA256", SECRET.value(), BODY);

		assertThat(Signatures.matches(header, BODY, SECRET)).isTrue();
	}

	@Test
	void aSha1HeaderOfTheExactBodyMatches() {
		String header = "sha1=" + FacebookWebhooks.hmac("HmacSHA1", SECRET.value(), BODY);

		assertThat(Signatures.matches(header, BODY, SECRET)).isTrue();
	}

	@Test
	void upperCaseHexAndSurroundingSpacesStillMatch() {
		String hex = FacebookWebhooks.hmac("HmacSHA256", SECRET.value(), BODY);

		assertThat(Signatures.matches("sha256=" + hex.toUpperCase(Locale.ROOT), BODY, SECRET)).isTrue();
		assertThat(Signatures.matches("sha256= " + hex + " ", BODY, SECRET)).isTrue();
	}

	@Test
	void aBodyDifferingInOneByteOrOnlyInItsEncodingDoesNotMatch() {
		String header = "sha256=" + FacebookWebhooks.hmac("HmacSHA256", SECRET.value(), BODY);
		byte[] oneByteChanged = Arrays.copyOf(BODY, BODY.length);
		oneByteChanged[oneByteChanged.length - 3] ^= 1;
		byte[] sameJsonUnescaped = "{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"text\":\"Grüße\"}]}"
			.getBytes(StandardCharsets.UTF_8);
		byte[] trailingNewline = Arrays.copyOf(BODY, BODY.length + 1);
		trailingNewline[BODY.length] = '\n';

		assertThat(Signatures.matches(header, oneByteChanged, SECRET)).isFalse();
		assertThat(Signatures.matches(header, sameJsonUnescaped, SECRET)).isFalse();
		assertThat(Signatures.matches(header, trailingNewline, SECRET)).isFalse();
	}

	@Test
	void anotherSecretsSignatureDoesNotMatch() {
		String header = "sha256=" + FacebookWebhooks.hmac("HmacSHA256", "another-secret", BODY);

		assertThat(Signatures.matches(header, BODY, SECRET)).isFalse();
	}

	@Test
	void aMissingOrMalformedHeaderNeverMatches() {
		String hex = FacebookWebhooks.hmac("HmacSHA256", SECRET.value(), BODY);

		assertThat(Signatures.matches(null, BODY, SECRET)).isFalse();
		assertThat(Signatures.matches("", BODY, SECRET)).isFalse();
		assertThat(Signatures.matches(hex, BODY, SECRET)).as("no algorithm").isFalse();
		assertThat(Signatures.matches("=" + hex, BODY, SECRET)).as("an empty algorithm").isFalse();
		assertThat(Signatures.matches("md5=" + hex, BODY, SECRET)).as("an unknown algorithm").isFalse();
		assertThat(Signatures.matches("SHA256=" + hex, BODY, SECRET)).as("the algorithm is lower case").isFalse();
		assertThat(Signatures.matches("sha256=", BODY, SECRET)).as("no signature").isFalse();
		assertThat(Signatures.matches("sha256=" + hex.substring(0, 63), BODY, SECRET)).as("truncated").isFalse();
		assertThat(Signatures.matches("sha1=" + hex, BODY, SECRET)).as("a SHA-256 labelled SHA-1").isFalse();
	}

}
