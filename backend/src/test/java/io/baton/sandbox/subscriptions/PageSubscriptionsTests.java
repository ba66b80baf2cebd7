package io.baton.sandbox.subscriptions;

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

import static io.baton.sandbox.SandboxWorld.LOGIN_APP;
import static io.baton.sandbox.SandboxWorld.LOGIN_SECRET;
import static io.baton.sandbox.SandboxWorld.OTHER_APP;
import static io.baton.sandbox.SandboxWorld.OTHER_SECRET;
import static io.baton.sandbox.subscriptions.AppSubscriptionsTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;

@BatonTest
class PageSubscriptionsTests {

	static final List<String> PERMISSIONS = List.of("pages_show_list", "pages_manage_metadata", "pages_messaging");

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
		this.world.anotherAppExists();
		this.ada = this.console.person("Ada");
		this.bakery = this.console.page("Bakery", this.ada);
	}

	@Test
	void aPageTokenSubscribesItsAppAndListsEveryAppOnThePage() {
		String batonPage = pageToken(LOGIN_APP, LOGIN_SECRET, this.world.loginRedirectUri(), PERMISSIONS);
		String otherPage = pageToken(OTHER_APP, OTHER_SECRET, this.world.otherRedirectUri(), PERMISSIONS);

		JsonNode subscribed = subscribe(batonPage, "messages,messaging_postbacks");
		subscribe(otherPage, "standby");
		JsonNode listed = this.world.graphGet(path() + "?access_token=" + batonPage);

		assertThat(subscribed.path("status").asInt()).isEqualTo(200);
		assertThat(subscribed.path("body").toString()).isEqualTo("{\"success\":true}");
		assertThat(listed.path("body").path("data").toString()).isEqualTo("[{\"id\":\"" + LOGIN_APP
				+ "\",\"name\":\"Baton\",\"subscribed_fields\":[\"messages\",\"messaging_postbacks\"]},{\"id\":\""
				+ OTHER_APP + "\",\"name\":\"Other app\",\"subscribed_fields\":[\"standby\"]}]");
	}

	@Test
	void unsubscribesTheCallersApp() {
		String batonPage = pageToken(LOGIN_APP, LOGIN_SECRET, this.world.loginRedirectUri(), PERMISSIONS);
		subscribe(batonPage, "messages");

		JsonNode deleted = SandboxWorld.parse(this.console.send(java.net.http.HttpRequest
			.newBuilder(
					java.net.URI.create("http://localhost:" + this.world.port + path() + "?access_token=" + batonPage))
			.DELETE()
			.build()));
		JsonNode listed = this.world.graphGet(path() + "?access_token=" + batonPage);

		assertThat(deleted.path("body").toString()).isEqualTo("{\"success\":true}");
		assertThat(listed.path("body").path("data").isEmpty()).isTrue();
	}

	@Test
	void validatesTheFieldsAgainstMessengersPageFields() {
		String batonPage = pageToken(LOGIN_APP, LOGIN_SECRET, this.world.loginRedirectUri(), PERMISSIONS);

		JsonNode unknown = subscribe(batonPage, "messages,feed_me");
		JsonNode missing = this.world.graphPost(path(), Map.of("access_token", List.of(batonPage)));

		assertError(unknown, 100, "(#100) Param subscribed_fields[1] must be one of {messages, messaging_postbacks");
		assertError(missing, 100, "(#100) param subscribed_fields must be non-empty.");
	}

	@Test
	void needsATokenOfThePageWithPagesManageMetadata() {
		String userToken = this.console.userToken(this.ada, LOGIN_APP, LOGIN_SECRET, this.world.loginRedirectUri(),
				PERMISSIONS, null);
		String withoutMetadata = pageToken(OTHER_APP, OTHER_SECRET, this.world.otherRedirectUri(),
				List.of("pages_show_list", "pages_messaging"));

		JsonNode withUserToken = subscribe(userToken, "messages");
		JsonNode withoutPermission = subscribe(withoutMetadata, "messages");

		assertError(withUserToken, 210, "(#210) A page access token is required");
		assertError(withoutPermission, 200, "(#200) Requires pages_manage_metadata permission");
	}

	private String pageToken(String appId, String secret, String redirectUri, List<String> permissions) {
		String userToken = this.console.userToken(this.ada, appId, secret, redirectUri, permissions, null);
		return this.console.pageToken(userToken, this.bakery);
	}

	private JsonNode subscribe(String token, String fields) {
		return this.world.graphPost(path(),
				Map.of("subscribed_fields", List.of(fields), "access_token", List.of(token)));
	}

	private String path() {
		return "/sandbox/graph/v24.0/" + this.bakery + "/subscribed_apps";
	}

}
