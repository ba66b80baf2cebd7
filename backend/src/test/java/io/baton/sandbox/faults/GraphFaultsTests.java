package io.baton.sandbox.faults;

import java.util.List;

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
class GraphFaultsTests {

	@Autowired
	Environment environment;

	SandboxWorld world;

	SandboxConsole console;

	SandboxWorld.App app;

	String userToken;

	@BeforeEach
	void aPersonSignedInToAnAppOfTheirOwn() {
		this.world = new SandboxWorld(this.environment);
		this.console = new SandboxConsole(this.world);
		this.app = this.world.anAppOfItsOwn("Faulty app");
		this.userToken = this.world.userTokenFor("Ada", this.app.id(), this.app.secret(),
				this.world.otherRedirectUri());
	}

	@Test
	void rateLimitsAnAppForNCallsThenRecovers() {
		JsonNode fault = this.console.api("POST", "/sandbox/api/faults",
				"{\"app_id\": \"" + this.app.id() + "\", \"kind\": \"rate_limit\", \"calls\": 2}");

		JsonNode first = me();
		JsonNode second = me();
		JsonNode third = me();

		assertThat(fault.path("status").asInt()).isEqualTo(201);
		for (JsonNode limited : List.of(first, second)) {
			assertThat(limited.path("status").asInt()).isEqualTo(400);
			assertThat(limited.path("body").path("error").path("code").asInt()).isEqualTo(4);
			assertThat(limited.path("body").path("error").path("message").asString())
				.isEqualTo("(#4) Application request limit reached");
		}
		assertThat(third.path("status").asInt()).isEqualTo(200);
		assertThat(this.console.api("GET", "/sandbox/api/faults", null).path("body").path("data"))
			.filteredOn((listed) -> this.app.id().equals(listed.path("app_id").asString()))
			.singleElement()
			.satisfies((listed) -> assertThat(listed.path("active").asBoolean()).isFalse());
	}

	@Test
	void failsWithAServerErrorUntilItsTimeIsUp() {
		this.console.api("POST", "/sandbox/api/faults",
				"{\"app_id\": \"" + this.app.id() + "\", \"kind\": \"server_error\", \"seconds\": 3600}");

		JsonNode during = me();
		this.world.sql("UPDATE sandbox.graph_faults SET until = now() - interval '1 second' WHERE app_id = '"
				+ this.app.id() + "'");
		JsonNode after = me();

		assertThat(during.path("status").asInt()).isEqualTo(500);
		assertThat(during.path("body").path("error").path("code").asInt()).isEqualTo(2);
		assertThat(during.path("body").path("error").path("message").asString())
			.isEqualTo("An unexpected error has occurred. Please retry your request later.");
		assertThat(after.path("status").asInt()).isEqualTo(200);
	}

	@Test
	void rateLimitsAPageWith32AndAnswersInvalidTokensWith190() {
		String ada = this.console.person("Grace");
		String page = this.console.page("Bakery", ada);
		String token = this.console.userToken(ada, this.app.id(), this.app.secret(), this.world.otherRedirectUri(),
				List.of("pages_show_list"), null);
		String pageToken = this.console.pageToken(token, page);
		this.console.api("POST", "/sandbox/api/faults",
				"{\"page_id\": \"" + page + "\", \"kind\": \"rate_limit\", \"calls\": 1}");

		JsonNode limited = this.world.graphGet("/sandbox/graph/v24.0/me?access_token=" + pageToken);
		JsonNode userUnaffected = me();
		this.console.api("POST", "/sandbox/api/faults",
				"{\"app_id\": \"" + this.app.id() + "\", \"kind\": \"invalid_token\", \"calls\": 1}");
		JsonNode invalid = me();
		JsonNode recovered = me();

		assertThat(limited.path("body").path("error").path("code").asInt()).isEqualTo(32);
		assertThat(limited.path("body").path("error").path("message").asString())
			.isEqualTo("(#32) Page request limit reached");
		assertThat(userUnaffected.path("status").asInt()).isEqualTo(200);
		assertThat(invalid.path("body").path("error").path("code").asInt()).isEqualTo(190);
		assertThat(recovered.path("status").asInt()).isEqualTo(200);
	}

	private JsonNode me() {
		return this.world.graphGet("/sandbox/graph/v24.0/me?access_token=" + this.userToken);
	}

}
