package io.baton.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.baton.testing.TestHttp;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Arranges the sandbox's world through its console API (people, pages, apps, events) and
 * walks people through the dialog's page selection; the companion of
 * {@link SandboxWorld}.
 */
public class SandboxConsole {

	private static final Pattern PAGE_CHOICE = Pattern.compile("name=\"page\" value=\"([0-9]+)\"");

	private final SandboxWorld world;

	private final HttpClient http = TestHttp.client();

	public SandboxConsole(SandboxWorld world) {
		this.world = world;
	}

	/** A JSON API call: {@code {"status": …, "body": …}}. */
	public JsonNode api(String method, String path, @Nullable String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.world.port + path))
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return SandboxWorld.parse(send(request.build()));
	}

	public HttpResponse<String> send(HttpRequest request) {
		return TestHttp.send(this.http, request);
	}

	public String person(String name) {
		JsonNode created = api("POST", "/sandbox/api/users", "{\"name\": \"" + name + "\"}");
		assertThat(created.path("status").asInt()).isEqualTo(201);
		return created.path("body").path("id").asString();
	}

	public String page(String name, String... admins) {
		JsonNode created = api("POST", "/sandbox/api/pages", "{\"name\": \"" + name
				+ "\", \"category\": \"Software\", \"admins\": [\"" + String.join("\", \"", admins) + "\"]}");
		assertThat(created.path("status").asInt()).isEqualTo(201);
		return created.path("body").path("id").asString();
	}

	/**
	 * The person signs in to the dialog, grants {@code permissions}, and chooses
	 * {@code pages} ({@code null}: leaves every page ticked) when asked; answers the
	 * code.
	 */
	public String codeFor(String userId, String appId, String redirectUri, List<String> permissions,
			@Nullable List<String> pages, boolean rerequest) {
		DialogOutcome outcome = consent(userId, appId, redirectUri, permissions, rerequest);
		String location = outcome.location();
		if (outcome.pageChoice() != null) {
			HttpResponse<String> chosen = this.world.browser.post("/sandbox/dialog/oauth/pages",
					outcome.pageChoice().body(),
					Map.of("page", (pages != null) ? pages : offered(outcome.pageChoice())));
			assertThat(chosen.statusCode()).isEqualTo(303);
			location = chosen.headers().firstValue("Location").orElseThrow();
		}
		return SandboxBrowser.query(location).get("code");
	}

	/** Consents; either redirected at once, or shown the page choice. */
	public DialogOutcome consent(String userId, String appId, String redirectUri, List<String> permissions,
			boolean rerequest) {
		this.world.browser.forgetCookies();
		HttpResponse<String> dialog = this.world.browser.get("/sandbox/dialog/oauth"
				+ SandboxWorld.dialogQuery(appId, redirectUri, "st", String.join(",", permissions))
				+ (rerequest ? "&auth_type=rerequest" : ""));
		HttpResponse<String> signedIn = this.world.browser.post("/sandbox/dialog/oauth/person", dialog.body(),
				Map.of("person", List.of(userId)));
		assertThat(signedIn.statusCode()).isEqualTo(303);
		HttpResponse<String> consent = this.world.browser.get(signedIn.headers().firstValue("Location").orElseThrow());
		HttpResponse<String> answered = this.world.browser.post("/sandbox/dialog/oauth/confirm", consent.body(),
				Map.of("permission", permissions, "decision", List.of("continue")));
		if (answered.statusCode() == 200) {
			assertThat(answered.body()).contains("What Pages do you want");
			return new DialogOutcome(null, answered);
		}
		assertThat(answered.statusCode()).isEqualTo(303);
		return new DialogOutcome(answered.headers().firstValue("Location").orElseThrow(), null);
	}

	/** A user token of the app for the person, after the dialog. */
	public String userToken(String userId, String appId, String secret, String redirectUri, List<String> permissions,
			@Nullable List<String> pages) {
		String code = codeFor(userId, appId, redirectUri, permissions, pages, false);
		JsonNode token = this.world.exchange(appId, secret, redirectUri, code);
		assertThat(token.path("status").asInt()).isEqualTo(200);
		return token.path("body").path("access_token").asString();
	}

	/** The page token {@code /me/accounts} hands out for the page. */
	public String pageToken(String userToken, String pageId) {
		JsonNode accounts = this.world.graphGet("/sandbox/graph/v24.0/me/accounts?limit=100&access_token=" + userToken);
		for (JsonNode page : accounts.path("body").path("data")) {
			if (page.path("id").asString().equals(pageId)) {
				return page.path("access_token").asString();
			}
		}
		throw new AssertionError("Page " + pageId + " not in " + accounts);
	}

	public static List<String> offered(HttpResponse<String> pageChoice) {
		List<String> offered = new ArrayList<>();
		Matcher choice = PAGE_CHOICE.matcher(pageChoice.body());
		while (choice.find()) {
			offered.add(choice.group(1));
		}
		return offered;
	}

	/** Where the dialog went: a redirect with a code, or the page choice. */
	public record DialogOutcome(@Nullable String location, @Nullable HttpResponse<String> pageChoice) {

	}

}
