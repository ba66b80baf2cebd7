package io.baton.platform;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What staff may see of a payload or a bot's answer, without Spring: values of fields
 * named like tokens, secrets or passwords are hidden, in JSON at any depth and in
 * {@code name=value} text; everything else is kept.
 */
class RedactionTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void jsonValuesOfSecretLookingFieldsAreHiddenAtAnyDepth() {
		String payload = """
				{"object": "page", "access_token": "EAAsecret", "entry": [{"id": "1", "messaging": [{"optin": {
				"type": "one_time_notif_req", "one_time_notif_token": "otn-1", "payload": "croissants"}}]}],
				"app": {"Client_Secret": "abc", "password": 1234, "appsecret_proof": "f00d", "name": "Bot"}}""";

		JsonNode redacted = JSON.readTree(Redaction.of(payload));

		assertThat(redacted.path("access_token").asString()).isEqualTo(Redaction.HIDDEN);
		JsonNode optin = redacted.path("entry").get(0).path("messaging").get(0).path("optin");
		assertThat(optin.path("one_time_notif_token").asString()).isEqualTo(Redaction.HIDDEN);
		assertThat(redacted.path("app").path("Client_Secret").asString()).isEqualTo(Redaction.HIDDEN);
		assertThat(redacted.path("app").path("password").asString()).isEqualTo(Redaction.HIDDEN);
		assertThat(redacted.path("app").path("appsecret_proof").asString()).isEqualTo(Redaction.HIDDEN);
		assertThat(redacted.toString()).doesNotContain("EAAsecret", "otn-1", "abc", "1234", "f00d");
	}

	@Test
	void everythingElseInJsonIsKept() {
		String payload = """
				{"object": "page", "entry": [{"id": "1", "time": 1700000000000, "messaging": [{"message":
				{"mid": "m_1", "text": "my password is in here", "is_echo": false}}]}], "tokens_left": null}""";

		JsonNode redacted = JSON.readTree(Redaction.of(payload));

		JsonNode original = JSON.readTree(payload);
		assertThat(redacted.path("entry")).isEqualTo(original.path("entry"));
		assertThat(redacted.path("object").asString()).isEqualTo("page");
		assertThat(redacted.path("tokens_left").asString()).as("a null value of such a field is hidden too")
			.isEqualTo(Redaction.HIDDEN);
	}

	@Test
	void aTopLevelJsonArrayIsRedactedToo() {
		String answer = "[{\"token\": \"t-1\"}, {\"ok\": true}]";

		JsonNode redacted = JSON.readTree(Redaction.of(answer));

		assertThat(redacted.get(0).path("token").asString()).isEqualTo(Redaction.HIDDEN);
		assertThat(redacted.get(1).path("ok").asBoolean()).isTrue();
	}

	@Test
	void nameValuePairsInTextAreHiddenWhateverTheirCase() {
		String text = "GET /me?fields=id&access_token=EAAabc&appsecret_proof=f00d HTTP/1.1\n"
				+ "CLIENT_SECRET=xyz page_token=ptok other=kept";

		String redacted = Redaction.of(text);

		assertThat(redacted).isEqualTo("GET /me?fields=id&access_token=[redacted]&appsecret_proof=[redacted] HTTP/1.1\n"
				+ "CLIENT_SECRET=[redacted] page_token=[redacted] other=kept");
	}

	@Test
	void textThatOnlyLooksLikeJsonIsRedactedAsText() {
		String text = "{not json} access_token=EAAabc";

		String redacted = Redaction.of(text);

		assertThat(redacted).isEqualTo("{not json} access_token=[redacted]");
	}

	@Test
	void textWithoutSecretsIsUnchanged() {
		String text = "Thanks, I will pass this on to a human.";

		assertThat(Redaction.of(text)).isEqualTo(text);
	}

}
