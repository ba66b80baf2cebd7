package io.baton.sandbox.console;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.baton.sandbox.SandboxConsole;
import io.baton.sandbox.SandboxWorld;
import io.baton.testing.BatonTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

@BatonTest
class ConsoleTests {

	@Autowired
	Environment environment;

	SandboxWorld world;

	SandboxConsole console;

	@BeforeEach
	void openConsole() {
		this.world = new SandboxWorld(this.environment);
		this.console = new SandboxConsole(this.world);
	}

	@Test
	void createsAnAppAndAnswersItsSecret() {
		JsonNode created = this.console.api("POST", "/sandbox/api/apps",
				"{\"name\": \"Shop bot\", \"redirect_uris\": [\"https://shop.example/cb\"], \"appsecret_proof_required\": true}");
		JsonNode taken = this.console.api("POST", "/sandbox/api/apps",
				"{\"id\": \"" + created.path("body").path("id").asString() + "\", \"name\": \"Again\"}");
		JsonNode listed = this.console.api("GET", "/sandbox/api/apps", null);

		assertThat(created.path("status").asInt()).isEqualTo(201);
		assertThat(created.path("body").path("id").asString()).matches("[0-9]{16,20}");
		assertThat(created.path("body").path("secret").asString()).hasSizeGreaterThanOrEqualTo(32);
		assertThat(created.path("body").path("appsecret_proof_required").asBoolean()).isTrue();
		assertThat(taken.path("status").asInt()).isEqualTo(409);
		assertThat(listed.path("body").path("data").toString()).contains("Shop bot").doesNotContain("\"secret\"");
	}

	@Test
	void managesRolesAndHandoverRoles() {
		String ada = this.console.person("Ada");
		String grace = this.console.person("Grace");
		String page = this.console.page("Bakery", ada);

		JsonNode given = this.console.api("PUT", "/sandbox/api/pages/" + page + "/roles/" + grace,
				"{\"tasks\": [\"MESSAGING\"]}");
		JsonNode primary = this.console.api("PUT",
				"/sandbox/api/pages/" + page + "/app-roles/" + SandboxWorld.LOGIN_APP,
				"{\"role\": \"primary_receiver\"}");
		JsonNode pages = this.console.api("GET", "/sandbox/api/pages", null);

		assertThat(given.path("status").asInt()).isEqualTo(200);
		assertThat(primary.path("status").asInt()).isEqualTo(200);
		assertThat(pages.path("body").path("data")).filteredOn((shown) -> page.equals(shown.path("id").asString()))
			.singleElement()
			.satisfies((shown) -> {
				assertThat(shown.path("roles").toString()).contains("\"user_id\":\"" + grace + "\"", "[\"MESSAGING\"]");
				assertThat(shown.path("app_roles").toString())
					.isEqualTo("[{\"app_id\":\"" + SandboxWorld.LOGIN_APP + "\",\"role\":\"primary_receiver\"}]");
			});
	}

	@Test
	void answersBadInputWith4xxJsonErrorsNever500() {
		JsonNode noName = this.console.api("POST", "/sandbox/api/users", "{}");
		JsonNode notJson = this.console.api("POST", "/sandbox/api/users", "{name: ");
		JsonNode notAnObject = this.console.api("POST", "/sandbox/api/pages", "[1, 2]");
		JsonNode unknownAdmin = this.console.api("POST", "/sandbox/api/pages",
				"{\"name\": \"P\", \"admins\": [\"42\"]}");
		JsonNode longName = this.console.api("POST", "/sandbox/api/users", "{\"name\": \"" + "x".repeat(81) + "\"}");
		JsonNode badRole = this.console.api("PUT", "/sandbox/api/pages/1/app-roles/2", "{\"role\": \"boss\"}");
		JsonNode badKind = this.console.api("POST", "/sandbox/api/faults", "{\"app_id\": \"1\", \"kind\": \"chaos\"}");
		JsonNode badAppId = this.console.api("POST", "/sandbox/api/apps", "{\"id\": \"abc\", \"name\": \"A\"}");
		JsonNode unknownFault = this.console.api("DELETE", "/sandbox/api/faults/999", null);

		for (JsonNode answer : List.of(noName, notJson, notAnObject, longName, badRole, badKind, badAppId)) {
			assertThat(answer.path("status").asInt()).as(answer.toString()).isEqualTo(400);
			assertThat(answer.path("body").path("error").path("message").asString()).isNotBlank();
		}
		assertThat(unknownAdmin.path("status").asInt()).isEqualTo(404);
		assertThat(unknownFault.path("status").asInt()).isEqualTo(404);
	}

	@Test
	void theHtmlConsoleListsTheWorldAndItsFormsCarryCsrf() {
		String unique = " " + System.nanoTime();
		String ada = this.console.person("Ada Lovelace" + unique);
		this.console.page("Analytical Bakery" + unique, ada);

		HttpResponse<String> page = this.world.browser.get("/sandbox/console");
		HttpResponse<String> created = this.world.browser.post("/sandbox/console/users", page.body(),
				Map.of("name", List.of("Grace Hopper" + unique)));
		HttpResponse<String> withoutCsrf = this.world.browser.postForm("/sandbox/console/users",
				Map.of("name", List.of("Mallory" + unique)));
		HttpResponse<String> after = this.world.browser.get(created.headers().firstValue("Location").orElseThrow());

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
		assertThat(page.body()).contains("Ada Lovelace" + unique, "Analytical Bakery" + unique, "Baton")
			.doesNotContain("<script", "style=");
		assertThat(created.statusCode()).isEqualTo(303);
		assertThat(withoutCsrf.statusCode()).isEqualTo(403);
		assertThat(after.body()).contains("Created Grace Hopper" + unique);
		assertThat(this.console.api("GET", "/sandbox/api/users", null).path("body").toString())
			.contains("Grace Hopper" + unique)
			.doesNotContain("Mallory" + unique);
	}

}
