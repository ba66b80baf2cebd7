package io.baton.botapi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.baton.graph.AppId;
import io.baton.tenancy.CurrentTenant;
import io.baton.testing.BatonTest;
import io.baton.testing.TestHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bot API's HTTP contract below any SDK: stateless, Graph's error object for every
 * refusal, and parameters read from a JSON body, a form or the query alike.
 */
@BatonTest
class BotApiHttpTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	ApplicationContext context;

	final HttpClient http = TestHttp.client();

	BotApiWorld world;

	String key;

	String page;

	String psid;

	@BeforeEach
	void aBotWithAKey() {
		this.world = new BotApiWorld(this.context);
		CurrentTenant acme = this.world.aTenant("Acme");
		AppId bot = this.world.anApp(acme, "Bot");
		this.page = this.world.aPage("Shoes");
		this.world.connect(acme, bot, this.page);
		this.key = this.world.aKey(acme, bot, null);
		this.psid = this.world.aPersonWrites(this.page, "Ada", "hi");
	}

	@Test
	void sendsWithAJsonBodyAndABearerKeyAndSetsNoCookie() {
		HttpResponse<String> sent = send(request("/v24.0/me/messages").header("Authorization", "Bearer " + this.key)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"recipient\": {\"id\": \"" + this.psid
					+ "\"}, \"messaging_type\": \"RESPONSE\", \"message\": {\"text\": \"json\"}}")));

		assertThat(sent.statusCode()).isEqualTo(200);
		assertThat(body(sent).path("message_id").asString()).startsWith("m_");
		assertThat(sent.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void sendsWithAFormBodyCarryingTheKey() {
		HttpResponse<String> sent = send(
				request("/v19.0/" + this.page + "/messages").header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers
						.ofString("access_token=" + this.key + "&recipient=%7B%22id%22%3A%22" + this.psid
								+ "%22%7D&message=%7B%22text%22%3A%22form%22%7D")));

		assertThat(sent.statusCode()).isEqualTo(200);
		assertThat(body(sent).path("recipient_id").asString()).isEqualTo(this.psid);
	}

	@Test
	void passesGraphsOwnRefusalOnUnchanged() {
		HttpResponse<String> refused = send(
				request("/v24.0/me/messages?access_token=" + this.key).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"recipient\": {\"id\": \"" + this.psid + "\"}}")));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertGraphError(body(refused), 100, "(#100) Message cannot be empty");
		assertThat(body(refused).path("error").path("error_subcode").asInt()).isEqualTo(2018034);
	}

	@Test
	void answersEveryRefusalOfItsOwnAsGraphDoes() {
		HttpResponse<String> noKey = send(request("/v24.0/me").GET());
		HttpResponse<String> unknownKey = send(request("/v24.0/me?access_token=bk_Unknown1_x").GET());
		HttpResponse<String> unsupported = send(request("/v24.0/me/feed?access_token=" + this.key).GET());
		HttpResponse<String> unknownAlias = send(
				request("/v24.0/shoes/messages?access_token=" + this.key).POST(HttpRequest.BodyPublishers.noBody()));
		HttpResponse<String> badJson = send(
				request("/v24.0/me/messages?access_token=" + this.key).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{not json")));

		assertThat(noKey.statusCode()).isEqualTo(400);
		assertGraphError(body(noKey), 104, "An access token is required");
		assertGraphError(body(unknownKey), 190, "Invalid OAuth access token.");
		assertGraphError(body(unsupported), 100, "Unsupported get request. Object with ID 'me'");
		assertGraphError(body(unknownAlias), 803, "(#803) Some of the aliases you requested do not exist: shoes");
		assertGraphError(body(badJson), 100, "(#100) Invalid parameter");
		assertThat(unknownKey.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
	}

	private static void assertGraphError(JsonNode body, int code, String messageStart) {
		JsonNode error = body.path("error");
		assertThat(error.path("type").asString()).isEqualTo("OAuthException");
		assertThat(error.path("code").asInt()).as(body.toString()).isEqualTo(code);
		assertThat(error.path("message").asString()).startsWith(messageStart);
		assertThat(error.path("fbtrace_id").asString()).isNotBlank();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.world.graphUrl() + path));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		return TestHttp.send(this.http, request.build());
	}

	private static JsonNode body(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

}
