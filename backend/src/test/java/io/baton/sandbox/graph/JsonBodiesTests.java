package io.baton.sandbox.graph;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.baton.sandbox.messenger.MessengerWorld;
import io.baton.testing.BatonTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static io.baton.sandbox.SandboxWorld.LOGIN_APP;
import static io.baton.sandbox.SandboxWorld.LOGIN_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Graph reads a POST's parameters from a JSON body as from the query or a form, token
 * included; so must every Graph endpoint of the sandbox, not only the Messenger ones.
 */
@BatonTest
class JsonBodiesTests {

	@Autowired
	ApplicationContext context;

	MessengerWorld world;

	String app;

	String page;

	String pageToken;

	@BeforeEach
	void anAppOnAPage() {
		this.world = new MessengerWorld(this.context);
		this.app = this.world.anApp("json-bodies-secret", "Bot");
		this.page = this.world.aPage("Bakery");
		String owner = this.world.aPerson("Owner");
		this.world.sandbox.sql("INSERT INTO sandbox.grants (app_id, user_id, permission, status) VALUES ('" + this.app
				+ "', '" + owner + "', 'pages_manage_metadata', 'granted')");
		this.pageToken = this.world.pageToken(this.app, this.page, owner);
	}

	@Test
	void subscribesAPageWithAJsonBodyCarryingTheTokenAndAFieldList() {
		JsonNode subscribed = this.world.postJson("/sandbox/graph/v24.0/" + this.page + "/subscribed_apps",
				"{\"access_token\": \"" + this.pageToken
						+ "\", \"subscribed_fields\": [\"messages\", \"messaging_postbacks\"]}");
		JsonNode listed = this.world
			.get("/sandbox/graph/v24.0/" + this.page + "/subscribed_apps?access_token=" + this.pageToken);

		assertThat(subscribed.path("body").toString()).isEqualTo("{\"success\":true}");
		assertThat(listed.path("body").path("data").toString()).contains("messages", "messaging_postbacks");
	}

	@Test
	void unsubscribesAPageWithTheTokenInAJsonBody() {
		this.world.postJson("/sandbox/graph/v24.0/" + this.page + "/subscribed_apps",
				"{\"access_token\": \"" + this.pageToken + "\", \"subscribed_fields\": \"messages\"}");

		JsonNode unsubscribed = this.world.call("DELETE", "/sandbox/graph/v24.0/" + this.page + "/subscribed_apps",
				"{\"access_token\": \"" + this.pageToken + "\"}");

		assertThat(unsubscribed.path("body").toString()).isEqualTo("{\"success\":true}");
	}

	@Test
	void givesAnAppTokenForAJsonBody() {
		JsonNode token = this.world.postJson("/sandbox/graph/v24.0/oauth/access_token",
				"{\"grant_type\": " + "\"client_credentials\", \"client_id\": \"" + LOGIN_APP
						+ "\", \"client_secret\": \"" + LOGIN_SECRET + "\"}");

		assertThat(token.path("status").asInt()).isEqualTo(200);
		assertThat(token.path("body").path("access_token").asString()).startsWith(LOGIN_APP + "|");
	}

}
