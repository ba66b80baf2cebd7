package io.baton.testing;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import io.baton.sandbox.SandboxBrowser;
import io.baton.sandbox.SandboxConsole;
import io.baton.sandbox.SandboxWorld;
import io.baton.tenancy.CurrentTenant;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives Baton's "register an app" and "Connect Pages" through its own pages and the
 * sandbox's Login dialog, as a staff member and a Facebook user would.
 */
public final class PageConnections {

	public static final List<String> PAGE_PERMISSIONS = List.of("pages_messaging", "pages_show_list",
			"pages_manage_metadata");

	private final SandboxWorld world;

	private final SandboxConsole console;

	private final WebTestClient staff;

	private final CurrentTenant tenant;

	public PageConnections(SandboxWorld world, WebTestClient staff, CurrentTenant tenant) {
		this.world = world;
		this.console = new SandboxConsole(world);
		this.staff = staff;
		this.tenant = tenant;
	}

	public String callbackUri() {
		return this.world.loginRedirectUri().replace("/login/oauth2/code/facebook", "/onboarding/callback");
	}

	/**
	 * A sandbox app whose Login may redirect to Baton's onboarding callback: {id,
	 * secret}.
	 */
	public JsonNode aFacebookApp(String name) {
		return this.console
			.api("POST", "/sandbox/api/apps",
					"{\"name\": \"" + name + "\", \"redirect_uris\": [\"" + callbackUri() + "\"]}")
			.path("body");
	}

	public void register(String appId, String secret) {
		this.staff.post()
			.uri("/t/" + this.tenant.id() + "/apps")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("appId=" + appId + "&secret=" + secret)
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.location("/t/" + this.tenant.id() + "/apps/" + appId);
	}

	/**
	 * Runs Connect Pages to the end as {@code person}, choosing {@code chosen}; answers
	 * the outcome page.
	 */
	public String connect(String appId, String person, List<String> permissions, List<String> chosen) {
		return connect(appId, person, permissions, chosen, "");
	}

	/**
	 * The same, starting Connect Pages with {@code startForm} (say, re-connecting one
	 * page).
	 */
	public String connect(String appId, String person, List<String> permissions, List<String> chosen,
			String startForm) {
		String choosePage = dialogThenChoosePage(appId, person, permissions, startForm);
		assertThat(choosePage).contains("Choose the pages to connect");
		String state = choosePage.replaceAll("(?s).*name=\"state\" value=\"([^\"]+)\".*", "$1");
		StringBuilder form = new StringBuilder("state=" + state);
		chosen.forEach((page) -> form.append("&page=").append(page));
		return this.staff.post()
			.uri("/t/" + this.tenant.id() + "/apps/" + appId + "/connect/pages")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue(form.toString())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * Connect Pages → the sandbox's dialog (as {@code person}) → back to Baton's page
	 * choice.
	 */
	public String dialogThenChoosePage(String appId, String person, List<String> permissions) {
		return dialogThenChoosePage(appId, person, permissions, "");
	}

	private String dialogThenChoosePage(String appId, String person, List<String> permissions, String startForm) {
		String dialog = this.staff.post()
			.uri("/t/" + this.tenant.id() + "/apps/" + appId + "/connect")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue(startForm)
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		SandboxBrowser facebook = this.world.browser;
		facebook.forgetCookies();
		HttpResponse<String> chooser = facebook.get(dialog);
		HttpResponse<String> signedIn = facebook.post("/sandbox/dialog/oauth/person", chooser.body(),
				Map.of("person", List.of(person)));
		HttpResponse<String> consent = facebook.get(signedIn.headers().firstValue("Location").orElseThrow());
		HttpResponse<String> answered = facebook.post("/sandbox/dialog/oauth/confirm", consent.body(),
				Map.of("permission", permissions, "decision", List.of("continue")));
		String callback = (answered.statusCode() == 200) ? facebook
			.post("/sandbox/dialog/oauth/pages", answered.body(), Map.of("page", SandboxConsole.offered(answered)))
			.headers()
			.firstValue("Location")
			.orElseThrow() : answered.headers().firstValue("Location").orElseThrow();
		String choose = this.staff.get()
			.uri(callback.substring(callback.indexOf("/onboarding/")))
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		return this.staff.get()
			.uri(choose)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	/** What the sandbox's Graph says of the page's subscribed apps, as text. */
	public String subscribedApps(String person, String appId, String secret, String pageId) {
		String pageToken = this.console.pageToken(
				this.console.userToken(person, appId, secret, callbackUri(), PAGE_PERMISSIONS, List.of(pageId)),
				pageId);
		return this.world.graphGet("/sandbox/graph/v24.0/" + pageId + "/subscribed_apps?access_token=" + pageToken)
			.toString();
	}

}
