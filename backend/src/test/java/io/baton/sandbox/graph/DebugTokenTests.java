package io.baton.sandbox.graph;

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
import static io.baton.sandbox.SandboxWorld.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

@BatonTest
class DebugTokenTests {

	static final String APP_TOKEN = LOGIN_APP + "%7C" + LOGIN_SECRET;

	static final List<String> PERMISSIONS = List.of("pages_show_list", "pages_manage_metadata");

	@Autowired
	Environment environment;

	SandboxWorld world;

	SandboxConsole console;

	String ada;

	String bakery;

	@BeforeEach
	void aPersonWithAPage() {
		this.world = new SandboxWorld(this.environment);
		this.console = new SandboxConsole(this.world);
		this.ada = this.console.person("Ada");
		this.bakery = this.console.page("Bakery", this.ada);
	}

	@Test
	void describesAValidUserToken() {
		String token = userToken();

		JsonNode data = debug(token).path("body").path("data");

		assertThat(data.path("app_id").asString()).isEqualTo(LOGIN_APP);
		assertThat(data.path("type").asString()).isEqualTo("USER");
		assertThat(data.path("application").asString()).isEqualTo("Baton");
		assertThat(data.path("is_valid").asBoolean()).isTrue();
		long issuedAt = data.path("issued_at").asLong();
		assertThat(data.path("expires_at").asLong()).isEqualTo(issuedAt + 7200);
		assertThat(data.path("data_access_expires_at").asLong()).isEqualTo(issuedAt + 90L * 24 * 3600);
		assertThat(data.path("scopes").toString()).contains("pages_show_list", "pages_manage_metadata",
				"public_profile");
		assertThat(data.path("granular_scopes").toString())
			.contains("{\"scope\":\"pages_show_list\",\"target_ids\":[\"" + this.bakery + "\"]}")
			.contains("{\"scope\":\"public_profile\"}");
		assertThat(data.path("user_id").asString())
			.isEqualTo(this.world.graphGet("/sandbox/graph/v24.0/me?access_token=" + token)
				.path("body")
				.path("id")
				.asString());
		assertThat(data.has("profile_id")).isFalse();
		assertThat(data.has("error")).isFalse();
	}

	@Test
	void describesAPageTokenAsNeverExpiringWithItsPage() {
		String pageToken = this.console.pageToken(userToken(), this.bakery);

		JsonNode data = debug(pageToken).path("body").path("data");

		assertThat(data.path("type").asString()).isEqualTo("PAGE");
		assertThat(data.path("is_valid").asBoolean()).isTrue();
		assertThat(data.path("expires_at").asLong()).isZero();
		assertThat(data.path("profile_id").asString()).isEqualTo(this.bakery);
		assertThat(data.path("user_id").asString()).matches("[0-9]+").isNotEqualTo(this.ada);
		assertThat(data.path("granular_scopes").toString()).contains(this.bakery);
	}

	@Test
	void answersInvalidInputTokensWith200AndTheirError() {
		String token = userToken();
		this.world.sql("UPDATE sandbox.access_tokens SET expires_at = now() - interval '1 minute' WHERE token = '"
				+ token + "'");

		JsonNode expired = debug(token);
		JsonNode unknown = debug("EAAnothing");

		assertThat(expired.path("status").asInt()).isEqualTo(200);
		assertThat(expired.path("body").path("data").path("is_valid").asBoolean()).isFalse();
		assertThat(expired.path("body").path("data").path("type").asString()).isEqualTo("USER");
		assertThat(expired.path("body").path("data").path("error").path("code").asInt()).isEqualTo(190);
		assertThat(expired.path("body").path("data").path("error").path("subcode").asInt()).isEqualTo(463);
		assertThat(unknown.path("status").asInt()).isEqualTo(200);
		assertThat(unknown.path("body").path("data").path("is_valid").asBoolean()).isFalse();
		assertThat(unknown.path("body").path("data").path("error").path("code").asInt()).isEqualTo(190);
		assertThat(unknown.path("body").path("data").path("scopes").isArray()).isTrue();
	}

	@Test
	void refusesABadCallingTokenAsANormalError() {
		String token = userToken();

		JsonNode badCaller = this.world
			.graphGet("/sandbox/graph/v24.0/debug_token?input_token=" + token + "&access_token=EAAnothing");
		JsonNode noCaller = this.world.graphGet("/sandbox/graph/v24.0/debug_token?input_token=" + token);

		assertGraphError(badCaller, 400, 190, null, "Invalid OAuth access token.");
		assertGraphError(noCaller, 400, 100, null, "(#100) You must provide an app access token");
	}

	private String userToken() {
		return this.console.userToken(this.ada, LOGIN_APP, LOGIN_SECRET, this.world.loginRedirectUri(), PERMISSIONS,
				null);
	}

	private JsonNode debug(String inputToken) {
		return this.world
			.graphGet("/sandbox/graph/v24.0/debug_token?input_token=" + inputToken + "&access_token=" + APP_TOKEN);
	}

}
