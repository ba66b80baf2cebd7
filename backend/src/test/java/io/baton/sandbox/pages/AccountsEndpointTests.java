package io.baton.sandbox.pages;

import java.util.ArrayList;
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
class AccountsEndpointTests {

	static final List<String> PAGE_PERMISSIONS = List.of("pages_show_list", "pages_messaging", "pages_manage_metadata");

	@Autowired
	Environment environment;

	SandboxWorld world;

	SandboxConsole console;

	@BeforeEach
	void openBrowser() {
		this.world = new SandboxWorld(this.environment);
		this.console = new SandboxConsole(this.world);
	}

	@Test
	void listsOnlyThePagesThePersonChoseInTheDialog() {
		String ada = this.console.person("Ada");
		String bakery = this.console.page("Bakery", ada);
		this.console.page("Garage", ada);
		String florist = this.console.page("Florist", ada);

		String token = this.console.userToken(ada, LOGIN_APP, LOGIN_SECRET, this.world.loginRedirectUri(),
				PAGE_PERMISSIONS, List.of(bakery, florist));
		JsonNode accounts = this.world.graphGet("/sandbox/graph/v24.0/me/accounts?access_token=" + token);

		assertThat(accounts.path("status").asInt()).isEqualTo(200);
		assertThat(ids(accounts)).containsExactly(bakery, florist);
		JsonNode first = accounts.path("body").path("data").get(0);
		assertThat(first.path("name").asString()).isEqualTo("Bakery");
		assertThat(first.path("category").asString()).isEqualTo("Software");
		assertThat(first.path("category_list").get(0).path("name").asString()).isEqualTo("Software");
		assertThat(first.path("category_list").get(0).path("id").asString()).matches("[0-9]+");
		assertThat(first.path("access_token").asString()).startsWith("EAA");
		assertThat(first.path("tasks").toString()).contains("MESSAGING", "MANAGE");
		assertThat(accounts.path("body").path("paging").has("next")).isFalse();
		assertThat(accounts.path("body").path("paging").path("cursors").has("after")).isTrue();
	}

	@Test
	void offersEveryPageTickedAndPagesThroughThirtyWithCursors() {
		String ada = this.console.person("Ada");
		List<String> pages = new ArrayList<>();
		for (int i = 1; i <= 30; i++) {
			pages.add(this.console.page("Page " + i, ada));
		}

		String token = this.console.userToken(ada, LOGIN_APP, LOGIN_SECRET, this.world.loginRedirectUri(),
				PAGE_PERMISSIONS, null);
		JsonNode first = this.world.graphGet("/sandbox/graph/v24.0/me/accounts?access_token=" + token);
		String next = first.path("body").path("paging").path("next").asString();
		JsonNode second = this.world.graphGet(next);
		String before = second.path("body").path("paging").path("cursors").path("before").asString();
		JsonNode backwards = this.world
			.graphGet("/sandbox/graph/v24.0/me/accounts?limit=10&before=" + before + "&access_token=" + token);

		assertThat(ids(first)).containsExactlyElementsOf(pages.subList(0, 25));
		assertThat(next).startsWith("http://localhost:" + this.world.port + "/sandbox/graph/v24.0/me/accounts?")
			.contains("after=");
		assertThat(ids(second)).containsExactlyElementsOf(pages.subList(25, 30));
		assertThat(second.path("body").path("paging").has("next")).isFalse();
		assertThat(second.path("body").path("paging").has("previous")).isTrue();
		assertThat(ids(backwards)).containsExactlyElementsOf(pages.subList(15, 25));
	}

	@Test
	void refusesWithoutPagesShowList() {
		String ada = this.console.person("Ada");
		this.console.page("Bakery", ada);

		String token = this.console.userToken(ada, LOGIN_APP, LOGIN_SECRET, this.world.loginRedirectUri(),
				List.of("pages_messaging"), null);
		JsonNode accounts = this.world.graphGet("/sandbox/graph/v24.0/me/accounts?access_token=" + token);

		assertGraphError(accounts, 400, 200, null, "(#200) Requires pages_show_list permission");
	}

	@Test
	void handsOutTheSameLivePageTokenWhichIsThePageForMe() {
		String ada = this.console.person("Ada");
		String bakery = this.console.page("Bakery", ada);
		String token = this.console.userToken(ada, LOGIN_APP, LOGIN_SECRET, this.world.loginRedirectUri(),
				PAGE_PERMISSIONS, null);

		String pageToken = this.console.pageToken(token, bakery);
		String again = this.console.pageToken(token, bakery);
		JsonNode me = this.world.graphGet("/sandbox/graph/v24.0/me?access_token=" + pageToken);

		assertThat(again).isEqualTo(pageToken);
		assertThat(me.path("body").toString()).isEqualTo("{\"id\":\"" + bakery + "\",\"name\":\"Bakery\"}");
	}

	@Test
	void asksForPagesAgainOnlyWithRerequest() {
		String ada = this.console.person("Ada");
		String bakery = this.console.page("Bakery", ada);
		String garage = this.console.page("Garage", ada);
		this.console.userToken(ada, LOGIN_APP, LOGIN_SECRET, this.world.loginRedirectUri(), PAGE_PERMISSIONS,
				List.of(bakery));

		SandboxConsole.DialogOutcome plain = this.console.consent(ada, LOGIN_APP, this.world.loginRedirectUri(),
				PAGE_PERMISSIONS, false);
		String code = this.console.codeFor(ada, LOGIN_APP, this.world.loginRedirectUri(), PAGE_PERMISSIONS,
				List.of(garage), true);
		String token = this.world.exchange(LOGIN_APP, LOGIN_SECRET, this.world.loginRedirectUri(), code)
			.path("body")
			.path("access_token")
			.asString();

		assertThat(plain.pageChoice()).isNull();
		assertThat(plain.location()).contains("code=");
		assertThat(ids(this.world.graphGet("/sandbox/graph/v24.0/me/accounts?access_token=" + token)))
			.containsExactly(garage);
	}

	@Test
	void readsPagesAndAppsAsNodesAndRefusesUnknownIds() {
		String ada = this.console.person("Ada");
		String bakery = this.console.page("Bakery", ada);
		String appToken = LOGIN_APP + "%7C" + LOGIN_SECRET;
		this.world.anotherAppExists();

		JsonNode page = this.world.graphGet("/sandbox/graph/v24.0/" + bakery + "?access_token=" + appToken);
		JsonNode app = this.world.graphGet("/sandbox/graph/v24.0/" + LOGIN_APP + "?access_token=" + appToken);
		JsonNode otherApp = this.world
			.graphGet("/sandbox/graph/v24.0/" + SandboxWorld.OTHER_APP + "?access_token=" + appToken);
		JsonNode unknown = this.world.graphGet("/sandbox/graph/v24.0/123456789?access_token=" + appToken);

		assertThat(page.path("body").toString())
			.isEqualTo("{\"id\":\"" + bakery + "\",\"name\":\"Bakery\",\"category\":\"Software\"}");
		assertThat(app.path("body").path("id").asString()).isEqualTo(LOGIN_APP);
		assertThat(app.path("body").path("name").asString()).isEqualTo("Baton");
		assertThat(otherApp.path("body").path("error").path("error_subcode").asInt()).isEqualTo(33);
		assertGraphError(unknown, 400, 100, 33, "Unsupported get request. Object with ID '123456789' does not exist,"
				+ " cannot be loaded due to missing permissions, or does not support this operation.");
	}

	static List<String> ids(JsonNode accounts) {
		List<String> ids = new ArrayList<>();
		accounts.path("body").path("data").forEach((page) -> ids.add(page.path("id").asString()));
		return ids;
	}

}
