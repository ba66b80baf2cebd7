package io.baton.sandbox.console;

import java.util.List;

import io.baton.sandbox.SandboxConsole;
import io.baton.sandbox.SandboxWorld;
import io.baton.testing.BatonTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static io.baton.sandbox.SandboxWorld.LOGIN_APP;
import static io.baton.sandbox.SandboxWorld.LOGIN_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

@BatonTest
class TokenLifeEventsTests {

	static final List<String> PERMISSIONS = List.of("pages_show_list", "pages_messaging", "pages_manage_metadata");

	@Autowired
	Environment environment;

	SandboxWorld world;

	SandboxConsole console;

	String ada;

	String bakery;

	String userToken;

	String pageToken;

	@BeforeEach
	void aPersonWithAPageAndTokens() {
		this.world = new SandboxWorld(this.environment);
		this.console = new SandboxConsole(this.world);
		this.ada = this.console.person("Ada");
		this.bakery = this.console.page("Bakery", this.ada);
		this.userToken = this.console.userToken(this.ada, LOGIN_APP, LOGIN_SECRET, this.world.loginRedirectUri(),
				PERMISSIONS, null);
		this.pageToken = this.console.pageToken(this.userToken, this.bakery);
	}

	@Test
	void aPasswordChangeEndsEveryTokenWith460() {
		JsonNode event = this.console.api("POST", "/sandbox/api/users/" + this.ada + "/password-change", null);

		assertThat(event.path("body").path("tokens_ended").asInt()).isEqualTo(2);
		assertSubcode(me(this.userToken), 460);
		assertSubcode(me(this.pageToken), 460);
	}

	@Test
	void removingTheAppEndsItsTokensWith458AndForgetsThePages() {
		JsonNode event = this.console.api("DELETE", "/sandbox/api/users/" + this.ada + "/apps/" + LOGIN_APP, null);

		assertThat(event.path("body").path("tokens_ended").asInt()).isEqualTo(2);
		assertSubcode(me(this.userToken), 458);
		assertSubcode(me(this.pageToken), 458);
		assertThat(this.world.queryOne("SELECT count(*) FROM sandbox.page_grants WHERE user_id = '" + this.ada + "'"))
			.isEqualTo("0");
	}

	@Test
	void losingThePageRoleEndsItsPageTokensWithPlain190() {
		JsonNode event = this.console.api("DELETE", "/sandbox/api/pages/" + this.bakery + "/roles/" + this.ada, null);

		assertThat(event.path("status").asInt()).isEqualTo(200);
		assertSubcode(me(this.pageToken), null);
		assertThat(me(this.pageToken).path("body").path("error").path("message").asString())
			.startsWith("Error validating access token:");
		assertThat(me(this.userToken).path("status").asInt()).isEqualTo(200);
		assertThat(this.world.graphGet("/sandbox/graph/v24.0/me/accounts?access_token=" + this.userToken)
			.path("body")
			.path("data")
			.isEmpty()).isTrue();
	}

	@Test
	void revokingAPagePermissionEndsThePageTokensWithPlain190() {
		JsonNode revoked = this.world.graphGet("/sandbox/graph/v24.0/me/permissions?access_token=" + this.userToken);
		JsonNode deleted = SandboxWorld.parse(this.console.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + this.world.port
					+ "/sandbox/graph/v24.0/me/permissions/pages_messaging?access_token=" + this.userToken))
			.DELETE()
			.build()));
		JsonNode after = this.world.graphGet("/sandbox/graph/v24.0/me/permissions?access_token=" + this.userToken);

		assertThat(revoked.path("body").toString())
			.contains("{\"permission\":\"pages_messaging\",\"status\":\"granted\"}");
		assertThat(deleted.path("body").toString()).isEqualTo("{\"success\":true}");
		assertThat(after.path("body").toString())
			.contains("{\"permission\":\"pages_messaging\",\"status\":\"declined\"}");
		assertSubcode(me(this.pageToken), null);
		assertThat(me(this.userToken).path("status").asInt()).isEqualTo(200);
	}

	@Test
	void aForcedExpiryGives463() {
		JsonNode event = this.console.api("POST", "/sandbox/api/tokens/expire",
				"{\"token\": \"" + this.userToken + "\"}");

		assertThat(event.path("body").path("tokens_ended").asInt()).isEqualTo(1);
		assertSubcode(me(this.userToken), 463);
		assertThat(me(this.pageToken).path("status").asInt()).isEqualTo(200);
	}

	private JsonNode me(String token) {
		return this.world.graphGet("/sandbox/graph/v24.0/me?access_token=" + token);
	}

	private static void assertSubcode(JsonNode answer, Integer subcode) {
		assertThat(answer.path("status").asInt()).isEqualTo(400);
		assertThat(answer.path("body").path("error").path("code").asInt()).isEqualTo(190);
		if (subcode == null) {
			assertThat(answer.path("body").path("error").has("error_subcode")).isFalse();
		}
		else {
			assertThat(answer.path("body").path("error").path("error_subcode").asInt()).isEqualTo(subcode);
		}
	}

}
