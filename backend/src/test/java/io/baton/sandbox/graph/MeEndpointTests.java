package io.baton.sandbox.graph;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import io.baton.sandbox.SandboxWorld;
import io.baton.testing.BatonTest;
import io.baton.testing.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static io.baton.sandbox.SandboxWorld.LOGIN_APP;
import static io.baton.sandbox.SandboxWorld.LOGIN_SECRET;
import static io.baton.sandbox.SandboxWorld.OTHER_APP;
import static io.baton.sandbox.SandboxWorld.OTHER_SECRET;
import static io.baton.sandbox.SandboxWorld.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

@BatonTest
class MeEndpointTests {

	@Autowired
	Environment environment;

	SandboxWorld world;

	@BeforeEach
	void openBrowser() {
		this.world = new SandboxWorld(this.environment);
		this.world.anotherAppExists();
	}

	@Test
	void answersAnAppScopedIdThatDiffersBetweenApps() {
		String loginToken = this.world.userTokenFor("Ada", LOGIN_APP, LOGIN_SECRET, this.world.loginRedirectUri());
		String otherToken = this.world.userTokenFor("Ada", OTHER_APP, OTHER_SECRET, this.world.otherRedirectUri());

		JsonNode inLogin = this.world.graphGet("/sandbox/graph/v24.0/me?fields=id,name&access_token=" + loginToken);
		JsonNode inOther = this.world.graphGet("/sandbox/graph/v24.0/me?access_token=" + otherToken);
		JsonNode again = this.world.graphGet("/sandbox/graph/v24.0/me?access_token=" + loginToken);

		assertThat(inLogin.path("status").asInt()).isEqualTo(200);
		assertThat(inLogin.path("body").path("name").asString()).isEqualTo("Ada");
		assertThat(inOther.path("body").path("name").asString()).isEqualTo("Ada");
		assertThat(inLogin.path("body").path("id").asString()).matches("[0-9]+")
			.isNotEqualTo(inOther.path("body").path("id").asString())
			.isEqualTo(again.path("body").path("id").asString());
		assertThat(userBehind(inLogin.path("body").path("id").asString()))
			.isEqualTo(userBehind(inOther.path("body").path("id").asString()))
			.isNotEqualTo(inLogin.path("body").path("id").asString());
	}

	@Test
	void acceptsTheTokenAsBearerHeader() throws Exception {
		String token = this.world.userTokenFor("Ada", LOGIN_APP, LOGIN_SECRET, this.world.loginRedirectUri());

		HttpResponse<String> response = TestHttp.send(TestHttp.client(),
				TestHttp.request(URI.create("http://localhost:" + this.world.port + "/sandbox/graph/v24.0/me"))
					.header("Authorization", "Bearer " + token)
					.build());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"name\":\"Ada\"");
	}

	@Test
	void showsADeclinedPermissionAsDeclined() {
		String code = io.baton.sandbox.SandboxBrowser.query(this.world.consent(
				this.world.consentPageAs("Ada", LOGIN_APP, this.world.loginRedirectUri(), "email,pages_messaging"),
				List.of("email")))
			.get("code");
		String token = this.world.exchange(LOGIN_APP, LOGIN_SECRET, this.world.loginRedirectUri(), code)
			.path("body")
			.path("access_token")
			.asString();

		JsonNode permissions = this.world.graphGet("/sandbox/graph/v24.0/me/permissions?access_token=" + token);

		assertThat(permissions.path("body").path("data").toString()).contains(
				"{\"permission\":\"email\",\"status\":\"granted\"}",
				"{\"permission\":\"pages_messaging\",\"status\":\"declined\"}",
				"{\"permission\":\"public_profile\",\"status\":\"granted\"}");
	}

	@Test
	void requiresAnActiveUserToken() {
		JsonNode missing = this.world.graphGet("/sandbox/graph/v24.0/me");
		JsonNode appToken = this.world
			.graphGet("/sandbox/graph/v24.0/me?access_token=" + LOGIN_APP + "%7C" + LOGIN_SECRET);

		assertGraphError(missing, 400, 2500, null,
				"An active access token must be used to query information about the current user.");
		assertGraphError(appToken, 400, 2500, null, "An active access token must be used");
	}

	@Test
	void refusesAnUnknownTokenWith190() {
		JsonNode answer = this.world.graphGet("/sandbox/graph/v24.0/me?access_token=EAAnothing");

		assertGraphError(answer, 400, 190, null, "Invalid OAuth access token.");
	}

	@Test
	void refusesAnExpiredTokenWith463() {
		String token = this.world.userTokenFor("Ada", LOGIN_APP, LOGIN_SECRET, this.world.loginRedirectUri());
		this.world.sql("UPDATE sandbox.access_tokens SET expires_at = now() - interval '1 minute' WHERE token = '"
				+ token + "'");

		JsonNode answer = this.world.graphGet("/sandbox/graph/v24.0/me?access_token=" + token);

		assertGraphError(answer, 400, 190, 463, "Error validating access token: Session has expired on ");
	}

	@Test
	void deauthorisingEndsTheTokensWith458() {
		String token = this.world.userTokenFor("Ada", LOGIN_APP, LOGIN_SECRET, this.world.loginRedirectUri());

		HttpResponse<String> deleted = delete("/sandbox/graph/v24.0/me/permissions?access_token=" + token);
		JsonNode after = this.world.graphGet("/sandbox/graph/v24.0/me?access_token=" + token);

		assertThat(deleted.statusCode()).isEqualTo(200);
		assertThat(deleted.body()).isEqualTo("{\"success\":true}");
		assertGraphError(after, 400, 190, 458,
				"Error validating access token: The user has not authorized application");
	}

	@Test
	void checksAppsecretProofWhenTheAppRequiresIt() {
		SandboxWorld.App app = this.world.anAppOfItsOwn("Strict app");
		String token = this.world.userTokenFor("Ada", app.id(), app.secret(), this.world.otherRedirectUri());
		this.world.sql("UPDATE sandbox.apps SET appsecret_proof_required = true WHERE id = '" + app.id() + "'");
		String proof = GraphRequest.hmacSha256Hex(app.secret(), token);

		JsonNode without = this.world.graphGet("/sandbox/graph/v24.0/me?access_token=" + token);
		JsonNode wrong = this.world.graphGet("/sandbox/graph/v24.0/me?access_token=" + token + "&appsecret_proof=00");
		JsonNode right = this.world
			.graphGet("/sandbox/graph/v24.0/me?access_token=" + token + "&appsecret_proof=" + proof);

		assertGraphError(without, 400, 100, null, "API calls from the server require an appsecret_proof argument");
		assertGraphError(wrong, 400, 100, null, "Invalid appsecret_proof provided in the API argument");
		assertThat(right.path("status").asInt()).isEqualTo(200);
	}

	private HttpResponse<String> delete(String pathAndQuery) {
		return TestHttp.send(TestHttp.client(),
				TestHttp.request(URI.create("http://localhost:" + this.world.port + pathAndQuery)).DELETE().build());
	}

	private String userBehind(String appScopedId) {
		return this.world.queryOne("SELECT user_id FROM sandbox.app_scoped_ids WHERE id = '" + appScopedId + "'");
	}

}
