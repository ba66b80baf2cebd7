package io.baton.sandbox.graph;

import java.util.List;
import java.util.Map;

import io.baton.sandbox.SandboxWorld;
import io.baton.testing.BatonTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static io.baton.sandbox.SandboxWorld.LOGIN_APP;
import static io.baton.sandbox.SandboxWorld.LOGIN_SECRET;
import static io.baton.sandbox.SandboxWorld.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

@BatonTest
class TokenEndpointTests {

	@Autowired
	Environment environment;

	SandboxWorld world;

	@BeforeEach
	void openBrowser() {
		this.world = new SandboxWorld(this.environment);
	}

	@Test
	void exchangesCodeForShortLivedUserTokenAsSpringSecurityPostsIt() {
		String code = this.world.codeFor("Ada", LOGIN_APP, this.world.loginRedirectUri(), List.of("email"));

		JsonNode answer = this.world.exchange(LOGIN_APP, LOGIN_SECRET, this.world.loginRedirectUri(), code);

		assertThat(answer.path("status").asInt()).isEqualTo(200);
		assertThat(answer.path("body").path("access_token").asString()).startsWith("EAA");
		assertThat(answer.path("body").path("token_type").asString()).isEqualTo("bearer");
		assertThat(answer.path("body").path("expires_in").asLong()).isEqualTo(7200);
	}

	@Test
	void exchangesCodeByGetWithoutGrantType() {
		String code = this.world.codeFor("Ada", LOGIN_APP, this.world.loginRedirectUri(), List.of("email"));

		JsonNode answer = this.world
			.graphGet("/sandbox/graph/v19.0/oauth/access_token?client_id=" + LOGIN_APP + "&client_secret="
					+ LOGIN_SECRET + "&redirect_uri=" + enc(this.world.loginRedirectUri()) + "&code=" + code);

		assertThat(answer.path("status").asInt()).isEqualTo(200);
		assertThat(answer.path("body").path("access_token").asString()).isNotBlank();
	}

	@Test
	void refusesUsedCodeWith36009() {
		String code = this.world.codeFor("Ada", LOGIN_APP, this.world.loginRedirectUri(), List.of("email"));
		this.world.exchange(LOGIN_APP, LOGIN_SECRET, this.world.loginRedirectUri(), code);

		JsonNode again = this.world.exchange(LOGIN_APP, LOGIN_SECRET, this.world.loginRedirectUri(), code);

		assertGraphError(again, 400, 100, 36009, "This authorization code has been used.");
	}

	@Test
	void refusesUnknownAppWith101() {
		JsonNode answer = this.world.exchange("42", LOGIN_SECRET, this.world.loginRedirectUri(), "AQxyz");

		assertGraphError(answer, 400, 101, null, "Error validating application. Invalid application ID.");
	}

	@Test
	void refusesWrongClientSecretWithCode1() {
		String code = this.world.codeFor("Ada", LOGIN_APP, this.world.loginRedirectUri(), List.of("email"));

		JsonNode answer = this.world.exchange(LOGIN_APP, "not-the-secret", this.world.loginRedirectUri(), code);

		assertGraphError(answer, 500, 1, null, "Error validating client secret.");
	}

	@Test
	void refusesBadCodeWith100() {
		JsonNode answer = this.world.exchange(LOGIN_APP, LOGIN_SECRET, this.world.loginRedirectUri(), "garbage");

		assertGraphError(answer, 400, 100, null, "Invalid verification code format.");
	}

	@Test
	void refusesCodeForAnotherRedirectUri() {
		String code = this.world.codeFor("Ada", LOGIN_APP, this.world.loginRedirectUri(), List.of("email"));

		JsonNode answer = this.world.exchange(LOGIN_APP, LOGIN_SECRET, this.world.loginRedirectUri() + "/x", code);

		assertGraphError(answer, 400, 100, 36008, "Error validating verification code.");
	}

	@Test
	void refusesExpiredCode() {
		String code = this.world.codeFor("Ada", LOGIN_APP, this.world.loginRedirectUri(), List.of("email"));
		this.world.sql("UPDATE sandbox.authorization_codes SET expires_at = now() - interval '1 second' WHERE code = '"
				+ code + "'");

		JsonNode answer = this.world.exchange(LOGIN_APP, LOGIN_SECRET, this.world.loginRedirectUri(), code);

		assertGraphError(answer, 400, 100, 36007, "This authorization code has expired.");
	}

	@Test
	void exchangesUserTokenForLongLivedOne() {
		String shortLived = this.world.userTokenFor("Ada", LOGIN_APP, LOGIN_SECRET, this.world.loginRedirectUri());

		JsonNode answer = this.world.graphGet("/sandbox/graph/v24.0/oauth/access_token?grant_type=fb_exchange_token"
				+ "&client_id=" + LOGIN_APP + "&client_secret=" + LOGIN_SECRET + "&fb_exchange_token=" + shortLived);

		assertThat(answer.path("status").asInt()).isEqualTo(200);
		assertThat(answer.path("body").path("access_token").asString()).isNotEqualTo(shortLived);
		assertThat(answer.path("body").path("expires_in").asLong()).isEqualTo(60L * 24 * 3600);
	}

	@Test
	void issuesAppTokenForClientCredentials() {
		JsonNode answer = this.world.graphPost("/sandbox/graph/v24.0/oauth/access_token",
				Map.of("grant_type", List.of("client_credentials"), "client_id", List.of(LOGIN_APP), "client_secret",
						List.of(LOGIN_SECRET)));

		assertThat(answer.path("status").asInt()).isEqualTo(200);
		assertThat(answer.path("body").path("access_token").asString()).startsWith(LOGIN_APP + "|");
		assertThat(answer.path("body").path("token_type").asString()).isEqualTo("bearer");
	}

	static String enc(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

}
