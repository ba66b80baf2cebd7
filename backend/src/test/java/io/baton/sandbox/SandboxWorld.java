package io.baton.sandbox;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fixtures and steps in the sandbox's language, over HTTP against the running
 * application: Baton's login app, people going through the dialog, Graph calls.
 */
public class SandboxWorld {

	public static final String LOGIN_APP = "1000000000000001";

	public static final String LOGIN_SECRET = "sandbox-login-secret";

	public static final String OTHER_APP = "2000000000000002";

	public static final String OTHER_SECRET = "other-app-secret";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Environment environment;

	public final int port;

	public final SandboxBrowser browser;

	public SandboxWorld(Environment environment) {
		this.environment = environment;
		this.port = environment.getRequiredProperty("local.server.port", Integer.class);
		this.browser = new SandboxBrowser(this.port);
	}

	public String loginRedirectUri() {
		return "http://localhost:" + this.port + "/login/oauth2/code/facebook";
	}

	public String otherRedirectUri() {
		return "http://localhost:" + this.port + "/other/callback";
	}

	/** A second app, registered straight in the sandbox's tables. */
	public void anotherAppExists() {
		sql("INSERT INTO sandbox.apps (id, secret, name, redirect_uris) VALUES ('" + OTHER_APP + "', '" + OTHER_SECRET
				+ "', 'Other app', ARRAY['" + otherRedirectUri() + "']) ON CONFLICT DO NOTHING");
	}

	/**
	 * An app of this test alone (a fresh id), its Login redirecting to
	 * {@link #otherRedirectUri()}, so that what the test does to it (faults, a required
	 * proof, subscriptions) reaches no other test.
	 */
	public App anAppOfItsOwn(String name) {
		String id = aFreshAppId();
		App app = new App(id, "secret-of-" + id);
		sql("INSERT INTO sandbox.apps (id, secret, name, redirect_uris) VALUES ('" + app.id() + "', '" + app.secret()
				+ "', '" + name + "', ARRAY['" + otherRedirectUri() + "'])");
		return app;
	}

	/** An app id no other test uses (16 digits, as the console makes them). */
	public static String aFreshAppId() {
		return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L, 10_000_000_000_000_000L));
	}

	/** A sandbox app: its id and secret. */
	public record App(String id, String secret) {

		/** Its app access token, {@code id|secret}. */
		public String token() {
			return this.id + "|" + this.secret;
		}

	}

	public static String dialogQuery(String appId, String redirectUri, String state, String scope) {
		return "?client_id=" + appId + "&redirect_uri=" + SandboxBrowser.encode(redirectUri) + "&state="
				+ SandboxBrowser.encode(state) + "&scope=" + SandboxBrowser.encode(scope) + "&response_type=code";
	}

	/**
	 * Opens the dialog as {@code person} (created on first use) and shows the consent
	 * page.
	 */
	public HttpResponse<String> consentPageAs(String person, String appId, String redirectUri, String scope) {
		HttpResponse<String> dialog = this.browser
			.get("/sandbox/dialog/oauth" + dialogQuery(appId, redirectUri, "st-1", scope));
		assertThat(dialog.statusCode()).isEqualTo(200);
		if (dialog.body().contains("Create and log in")) {
			HttpResponse<String> signedIn = this.browser.post("/sandbox/dialog/oauth/person", dialog.body(),
					Map.of("name", List.of(person)));
			assertThat(signedIn.statusCode()).isEqualTo(303);
			dialog = this.browser.get(signedIn.headers().firstValue("Location").orElseThrow());
			assertThat(dialog.statusCode()).isEqualTo(200);
		}
		assertThat(dialog.body()).contains("is requesting access to");
		return dialog;
	}

	/** Consents, ticking only {@code granted}, and returns the redirect's location. */
	public String consent(HttpResponse<String> consentPage, List<String> granted) {
		HttpResponse<String> redirect = this.browser.post("/sandbox/dialog/oauth/confirm", consentPage.body(),
				Map.of("permission", granted, "decision", List.of("continue")));
		assertThat(redirect.statusCode()).isEqualTo(303);
		return redirect.headers().firstValue("Location").orElseThrow();
	}

	/** Cancels the dialog and returns the redirect's location. */
	public String cancel(HttpResponse<String> consentPage) {
		HttpResponse<String> redirect = this.browser.post("/sandbox/dialog/oauth/confirm", consentPage.body(),
				Map.of("decision", List.of("cancel")));
		assertThat(redirect.statusCode()).isEqualTo(303);
		return redirect.headers().firstValue("Location").orElseThrow();
	}

	/** The code a person's consent gives {@code appId}, every permission granted. */
	public String codeFor(String person, String appId, String redirectUri, List<String> permissions) {
		HttpResponse<String> page = consentPageAs(person, appId, redirectUri, String.join(",", permissions));
		return SandboxBrowser.query(consent(page, permissions)).get("code");
	}

	public JsonNode exchange(String appId, String secret, String redirectUri, String code) {
		return graphPost("/sandbox/graph/v24.0/oauth/access_token",
				Map.of("grant_type", List.of("authorization_code"), "client_id", List.of(appId), "client_secret",
						List.of(secret), "redirect_uri", List.of(redirectUri), "code", List.of(code)));
	}

	public String userTokenFor(String person, String appId, String secret, String redirectUri) {
		String code = codeFor(person, appId, redirectUri, List.of("email"));
		return exchange(appId, secret, redirectUri, code).path("body").path("access_token").asString();
	}

	public JsonNode graphGet(String pathAndQuery) {
		return parse(this.browser.get(pathAndQuery));
	}

	public JsonNode graphPost(String path, Map<String, List<String>> form) {
		return parse(this.browser.postForm(path, form));
	}

	public static JsonNode parse(HttpResponse<String> response) {
		JsonNode body = json.readTree(response.body());
		return json.createObjectNode().put("status", response.statusCode()).set("body", body);
	}

	/**
	 * Graph's error object with this status, code, subcode ({@code null}: none at all)
	 * and message start, and a trace id.
	 */
	public static void assertGraphError(JsonNode answer, int status, int code, @Nullable Integer subcode,
			String messageStart) {
		JsonNode error = answer.path("body").path("error");
		assertThat(answer.path("status").asInt()).as(answer.toString()).isEqualTo(status);
		assertThat(error.path("type").asString()).isEqualTo("OAuthException");
		assertThat(error.path("code").asInt()).as(answer.toString()).isEqualTo(code);
		assertThat(error.path("message").asString()).startsWith(messageStart);
		assertThat(error.path("fbtrace_id").asString()).isNotBlank();
		if (subcode != null) {
			assertThat(error.path("error_subcode").asInt()).as(answer.toString()).isEqualTo(subcode);
		}
		else {
			assertThat(error.has("error_subcode")).as(answer.toString()).isFalse();
		}
	}

	public String queryOne(String query) {
		try (Connection connection = connect()) {
			java.sql.ResultSet rows = connection.createStatement().executeQuery(query);
			return rows.next() ? rows.getString(1) : "";
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(this.environment.getRequiredProperty("spring.flyway.url"),
				this.environment.getRequiredProperty("spring.flyway.user"),
				this.environment.getProperty("spring.flyway.password", ""));
	}

	public void sql(String statement) {
		try (Connection connection = connect()) {
			connection.createStatement().execute(statement);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
