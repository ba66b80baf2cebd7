package io.baton.platform;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials that are not named like tokens are hidden too: Messenger's account-linking
 * {@code authorization_code}, API keys and {@code Authorization} values (L5).
 */
class CredentialRedactionTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void hidesTheAccountLinkingAuthorizationCode() {
		String payload = """
				{"object": "page", "entry": [{"id": "1", "messaging": [{"account_linking":
				{"status": "linked", "authorization_code": "link-code-42"}}]}]}""";

		JsonNode redacted = JSON.readTree(Redaction.of(payload));

		JsonNode linking = redacted.path("entry").get(0).path("messaging").get(0).path("account_linking");
		assertThat(linking.path("authorization_code").asString()).isEqualTo(Redaction.HIDDEN);
		assertThat(linking.path("status").asString()).isEqualTo("linked");
	}

	@Test
	void hidesApiKeysAndAuthorizationValuesInJsonAndText() {
		JsonNode redacted = JSON.readTree(Redaction.of("{\"api_key\": \"k-1\", \"Authorization\": \"Basic eDp5\"}"));

		assertThat(redacted.toString()).doesNotContain("k-1", "eDp5");
		assertThat(Redaction.of("denied: api_key=k-2&authorization_code=c-3")).doesNotContain("k-2", "c-3");
	}

}
