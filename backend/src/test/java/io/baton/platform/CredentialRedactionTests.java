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

	@Test
	void hidesCodesAndKeysThatAreCredentials() {
		JsonNode redacted = JSON.readTree(Redaction.of("""
				{"code": "oauth-code-1", "auth_code": "ac-2", "private_key": "pk-3", "key": "k-4",
				 "signingKey": "sk-5"}"""));

		assertThat(redacted.toString()).doesNotContain("oauth-code-1", "ac-2", "pk-3", "k-4", "sk-5");
		assertThat(Redaction.of("/done?code=c-6&state=s&key=k-7"))
			.isEqualTo("/done?code=[redacted]&state=s&key=[redacted]");
	}

	@Test
	void keepsCodesAndKeysThatAreNotCredentials() {
		String graphError = """
				{"error": {"message": "Invalid OAuth access token", "code": 190, "error_subcode": 460},
				 "country_code": "FR", "postal_code": "75001", "language_code": "fr", "keyboard": "azerty",
				 "monkey": "Coco", "barcode": "400638133393"}""";

		JsonNode redacted = JSON.readTree(Redaction.of(graphError));

		assertThat(redacted).isEqualTo(JSON.readTree(graphError));
		assertThat(Redaction.of("error code=190 country_code=FR")).isEqualTo("error code=190 country_code=FR");
	}

	@Test
	void hidesTheUserinfoAndQueryOfAUrl() {
		assertThat(Redaction.url("https://bot:hunter2@bot.example:8443/hook?sig=s3cr3t&v=2#top"))
			.isEqualTo("https://[redacted]@bot.example:8443/hook?[redacted]");
		assertThat(Redaction.url("https://bot.example/hook")).isEqualTo("https://bot.example/hook");
		assertThat(Redaction.url(null)).isNull();
	}

	@Test
	void hidesTheUserinfoAndQueryOfUrlsInAMessage() {
		String error = "Could not reach the bot: no answer from https://bot:hunter2@bot.example/hook?sig=s3cr3t, twice";

		assertThat(Redaction.message(error))
			.isEqualTo("Could not reach the bot: no answer from https://[redacted]@bot.example/hook?[redacted], twice");
	}

}
