package io.baton.sandbox.subscriptions;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.accounts.SandboxApps;
import io.baton.sandbox.graph.AccessTokens;
import io.baton.sandbox.graph.Caller;
import io.baton.sandbox.graph.GraphError;
import io.baton.sandbox.graph.GraphRequest;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code /{app-id}/subscriptions} with the app's token: list, create or update (after the
 * callback handshake; fields are merged), and delete webhook subscriptions.
 */
@RestController
@ConditionalOnSandbox
class AppSubscriptionsEndpoint {

	private static final String PATH = "/sandbox/graph/{version:v\\d+\\.\\d+}/{appId:\\d+}/subscriptions";

	private static final List<String> OBJECTS = List.of("page", "user", "application");

	private final AccessTokens tokens;

	private final SandboxApps apps;

	private final Subscriptions subscriptions;

	private final CallbackVerification verification;

	AppSubscriptionsEndpoint(AccessTokens tokens, SandboxApps apps, Subscriptions subscriptions,
			CallbackVerification verification) {
		this.tokens = tokens;
		this.apps = apps;
		this.subscriptions = subscriptions;
		this.verification = verification;
	}

	@GetMapping(PATH)
	Mono<Map<String, Object>> list(@PathVariable String appId, ServerWebExchange exchange) {
		return GraphRequest.of(exchange)
			.flatMap((request) -> app(request, appId, "get"))
			.flatMap((caller) -> this.subscriptions.ofApp(appId).map(AppSubscriptionsEndpoint::shown).collectList())
			.map((data) -> Map.of("data", data));
	}

	@PostMapping(PATH)
	Mono<Map<String, Object>> subscribe(@PathVariable String appId, @PathVariable String version,
			ServerWebExchange exchange) {
		return GraphRequest.of(exchange).flatMap((request) -> {
			if ("delete".equalsIgnoreCase(request.parameter("method"))) {
				return unsubscribe(request, appId);
			}
			return app(request, appId, "post").flatMap((caller) -> {
				String object = object(request);
				return this.subscriptions.ofApp(appId, object)
					.map((existing) -> subscription(request, appId, object, version, existing))
					.switchIfEmpty(Mono.fromSupplier(() -> subscription(request, appId, object, version, null)))
					.flatMap((subscription) -> this.verification
						.verify(appId, URI.create(subscription.callbackUrl()), subscription.verifyToken())
						.then(this.subscriptions.save(subscription)))
					.thenReturn(Map.of("success", true));
			});
		});
	}

	@DeleteMapping(PATH)
	Mono<Map<String, Object>> delete(@PathVariable String appId, ServerWebExchange exchange) {
		return GraphRequest.of(exchange).flatMap((request) -> unsubscribe(request, appId));
	}

	private Mono<Map<String, Object>> unsubscribe(GraphRequest request, String appId) {
		String object = request.parameter("object");
		if (!object.isEmpty() && !OBJECTS.contains(object)) {
			return Mono.error(badObject());
		}
		List<String> fields = Fields.parse(request.parameter("fields"));
		return app(request, appId, "delete").flatMap((caller) -> fields.isEmpty() || object.isEmpty()
				? this.subscriptions.deleteOfApp(appId, object) : removeFields(appId, object, fields))
			.thenReturn(Map.of("success", true));
	}

	/** DELETE with {@code fields}: only those go; the subscription goes with its last. */
	private Mono<Void> removeFields(String appId, String object, List<String> fields) {
		return this.subscriptions.ofApp(appId, object).flatMap((existing) -> {
			List<String> left = new ArrayList<>(existing.fields());
			left.removeAll(fields);
			return left.isEmpty() ? this.subscriptions.deleteOfApp(appId, object)
					: this.subscriptions.save(new AppSubscription(appId, object, existing.callbackUrl(),
							existing.verifyToken(), left, existing.includeValues(), true, existing.apiVersion()));
		});
	}

	private Mono<Caller> app(GraphRequest request, String appId, String method) {
		String token = request.accessToken();
		if (token == null) {
			return Mono.error(GraphError.tokenRequired());
		}
		return this.tokens.check(token).zipWhen((caller) -> this.apps.find(appId).hasElement()).map((found) -> {
			Caller caller = found.getT1();
			if (!found.getT2() || !caller.app().id().equals(appId)) {
				throw GraphError.unsupportedRequest(method, appId);
			}
			if (!caller.isApp()) {
				throw GraphError.appTokenRequired();
			}
			request.checkAppsecretProof(token, caller.app().secret(), caller.app().appsecretProofRequired());
			return caller;
		});
	}

	private static String object(GraphRequest request) {
		String object = request.parameter("object");
		if (object.isEmpty()) {
			throw GraphError.invalidParameter("The parameter object is required");
		}
		if (!OBJECTS.contains(object)) {
			throw badObject();
		}
		return object;
	}

	private static AppSubscription subscription(GraphRequest request, String appId, String object, String version,
			@Nullable AppSubscription existing) {
		String callbackUrl = request.parameter("callback_url");
		if (callbackUrl.isEmpty()) {
			if (existing == null) {
				throw GraphError.invalidParameter("The parameter callback_url is required");
			}
			callbackUrl = existing.callbackUrl();
		}
		checkUrl(callbackUrl);
		LinkedHashSet<String> fields = new LinkedHashSet<>((existing != null) ? existing.fields() : List.of());
		List<String> asked = Fields.parse(request.parameter("fields"));
		if ("page".equals(object)) {
			Fields.check("fields", asked, Fields.pageFieldsAtAppLevel());
		}
		else {
			asked.stream().filter((field) -> !field.matches("[a-z_]{1,64}")).findFirst().ifPresent((bad) -> {
				throw GraphError.invalidParameter("Invalid parameter fields: \"" + bad + "\"");
			});
		}
		fields.addAll(asked);
		if (fields.isEmpty()) {
			throw GraphError.invalidParameter("The parameter fields is required");
		}
		String verifyToken = request.parameters().containsKey("verify_token") ? request.parameter("verify_token")
				: (existing != null) ? existing.verifyToken() : "";
		String includeValues = request.parameter("include_values");
		boolean include = includeValues.isEmpty() ? existing != null && existing.includeValues()
				: Boolean.parseBoolean(includeValues);
		return new AppSubscription(appId, object, callbackUrl, verifyToken, List.copyOf(fields), include, true,
				version);
	}

	private static void checkUrl(String callbackUrl) {
		try {
			URI uri = URI.create(callbackUrl);
			if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
				return;
			}
		}
		catch (IllegalArgumentException ex) {
			// not a URI at all: refused below
		}
		throw GraphError.invalidParameter("Param callback_url is not a valid URI.");
	}

	private static GraphError badObject() {
		return GraphError.invalidParameter("Param object must be one of {" + String.join(", ", OBJECTS) + "}");
	}

	private static Map<String, Object> shown(AppSubscription subscription) {
		Map<String, Object> shown = new LinkedHashMap<>();
		shown.put("object", subscription.object());
		shown.put("callback_url", subscription.callbackUrl());
		shown.put("active", subscription.active());
		shown.put("fields",
				subscription.fields().stream().map((field) -> orderedField(field, subscription.apiVersion())).toList());
		return shown;
	}

	/** A subscribed field as Facebook writes it: name first, then version. */
	private static Map<String, Object> orderedField(String name, String version) {
		Map<String, Object> field = new java.util.LinkedHashMap<>();
		field.put("name", name);
		field.put("version", version);
		return field;
	}

}
