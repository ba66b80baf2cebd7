package io.baton.sandbox.messenger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import io.baton.sandbox.SandboxWorld;
import io.baton.sandbox.graph.AccessTokens;
import io.baton.testing.TestHttp;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Fixtures and steps of Messenger tests: pages, people, apps with page tokens and webhook
 * subscriptions (straight in the sandbox's tables), the person's actions through the
 * simulator's JSON API, and Graph calls with JSON bodies.
 */
public class MessengerWorld {

	public static final String BOT_SECRET = "bot-app-secret";

	public static final String HELPDESK_SECRET = "helpdesk-secret";

	public static final String ALL_FIELDS = "messages,messaging_postbacks,messaging_optins,messaging_referrals,"
			+ "message_reads,message_deliveries,message_echoes,message_reactions,messaging_handovers";

	public final SandboxWorld sandbox;

	private final AccessTokens tokens;

	private final HttpClient http = TestHttp.client();

	public MessengerWorld(ApplicationContext context) {
		this.sandbox = new SandboxWorld(context.getBean(Environment.class));
		this.tokens = context.getBean(AccessTokens.class);
	}

	public String aPage(String name) {
		return this.sandbox.queryOne("INSERT INTO sandbox.pages (name) VALUES ('" + name + "') RETURNING id");
	}

	public String aPerson(String name) {
		return this.sandbox.queryOne("INSERT INTO sandbox.users (name) VALUES ('" + name + "') RETURNING id");
	}

	/**
	 * An app of this test alone, under a fresh id, so that no other test's subscriptions,
	 * outbox, faults or roles reach it; answers its id.
	 */
	public String anApp(String secret, String name) {
		String appId = SandboxWorld.aFreshAppId();
		this.sandbox.sql("INSERT INTO sandbox.apps (id, secret, name) VALUES ('" + appId + "', '" + secret + "', '"
				+ name + "')");
		return appId;
	}

	/** A page admin granted the app pages_messaging; answers a page token. */
	public String pageToken(String appId, String pageId, String adminId) {
		this.sandbox.sql("INSERT INTO sandbox.page_roles (page_id, user_id) VALUES ('" + pageId + "', '" + adminId
				+ "') ON CONFLICT DO NOTHING");
		this.sandbox.sql("INSERT INTO sandbox.grants (app_id, user_id, permission, status) VALUES ('" + appId + "', '"
				+ adminId + "', 'pages_messaging', 'granted') ON CONFLICT DO NOTHING");
		return this.tokens.issuePage(appId, adminId, pageId).block();
	}

	/** A page token whose person did not grant pages_messaging. */
	public String pageTokenWithoutMessaging(String appId, String pageId, String adminId) {
		return this.tokens.issuePage(appId, adminId, pageId).block();
	}

	/** Subscribes the app to the page with these fields at both levels. */
	public void subscribe(String appId, String pageId, String callbackUrl, String fields) {
		subscribe(appId, pageId, callbackUrl, fields, fields);
	}

	public void subscribe(String appId, String pageId, String callbackUrl, String appFields, String pageFields) {
		this.sandbox.sql("INSERT INTO sandbox.app_subscriptions (app_id, object, callback_url, fields) VALUES ('"
				+ appId + "', 'page', '" + callbackUrl + "', " + array(appFields)
				+ ") ON CONFLICT (app_id, object) DO UPDATE SET callback_url = EXCLUDED.callback_url,"
				+ " fields = EXCLUDED.fields, active = true");
		this.sandbox.sql("INSERT INTO sandbox.page_subscriptions (page_id, app_id, subscribed_fields) VALUES ('"
				+ pageId + "', '" + appId + "', " + array(pageFields)
				+ ") ON CONFLICT (page_id, app_id) DO UPDATE SET subscribed_fields = EXCLUDED.subscribed_fields");
	}

	public void role(String pageId, String appId, String role) {
		this.sandbox.sql("INSERT INTO sandbox.page_app_roles (page_id, app_id, role) VALUES ('" + pageId + "', '"
				+ appId + "', '" + role + "') ON CONFLICT (page_id, app_id) DO UPDATE SET role = EXCLUDED.role");
	}

	private static String array(String fields) {
		return "ARRAY[" + String.join(",", List.of(fields.split(",")).stream().map((f) -> "'" + f + "'").toList())
				+ "]::text[]";
	}

	/** The person does {@code action} on the page in the simulator. */
	public JsonNode person(String pageId, String userId, String action, String json) {
		return postJson("/sandbox/api/messenger/pages/" + pageId + "/people/" + userId + "/" + action, json);
	}

	/** The person writes {@code text}; answers their PSID. */
	public String writes(String pageId, String userId, String text) {
		JsonNode answer = person(pageId, userId, "message", "{\"text\":\"" + text + "\"}");
		return answer.path("body").path("psid").asString();
	}

	public JsonNode send(String token, String json) {
		return postJson("/sandbox/graph/v24.0/me/messages?access_token=" + token, json);
	}

	public JsonNode sendText(String token, String psid, String text) {
		return send(token, "{\"recipient\":{\"id\":\"" + psid + "\"},\"messaging_type\":\"RESPONSE\","
				+ "\"message\":{\"text\":\"" + text + "\"}}");
	}

	public JsonNode postJson(String path, String json) {
		return call(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	/** Any method with a JSON body. */
	public JsonNode call(String method, String path, String json) {
		return call(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json)));
	}

	public JsonNode get(String path) {
		return call(HttpRequest.newBuilder(uri(path)).GET());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.sandbox.port + path);
	}

	private JsonNode call(HttpRequest.Builder request) {
		return SandboxWorld.parse(TestHttp.send(this.http, request.build()));
	}

}
