package io.baton.graph;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.baton.secrets.Hmac;
import io.baton.secrets.Secret;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Graph over HTTP, for every module that calls Facebook (or the sandbox, at another base
 * URL). Each failure is a {@link GraphFailure} carrying Graph's code and subcode; every
 * call signs its token with {@code appsecret_proof} when the app secret is known.
 */
@Component
public class GraphClient {

	private final WebClient http;

	private final GraphSettings settings;

	private final JsonMapper json;

	GraphClient(WebClient.Builder builder, GraphSettings settings, JsonMapper json) {
		this.http = builder.build();
		this.settings = settings;
		this.json = json;
	}

	/** An app access token ({@code client_credentials}). */
	public Mono<Secret> appToken(AppId app, Secret appSecret) {
		return call(HttpMethod.GET, "/oauth/access_token", null, null,
				params("grant_type", "client_credentials", "client_id", app.value(), "client_secret",
						appSecret.value()))
			.map(readAs("an app token", (body) -> new Secret(text(body, "access_token"))));
	}

	/** {@code GET /{app-id}} with the app's token. */
	public Mono<GraphApp> app(AppId app, Secret appToken, Secret appSecret) {
		return call(HttpMethod.GET, "/" + app.value(), appToken, appSecret, params("fields", "id,name"))
			.map(readAs("an app", (body) -> new GraphApp(new AppId(text(body, "id")), valueOr(body.path("name"), ""))));
	}

	/**
	 * Subscribes the app's page webhooks to {@code callbackUrl}; Graph first runs the
	 * verification handshake against it.
	 */
	public Mono<Void> subscribeApp(AppId app, Secret appToken, Secret appSecret, String callbackUrl, String verifyToken,
			List<String> fields) {
		return call(HttpMethod.POST, "/" + app.value() + "/subscriptions", appToken, appSecret,
				params("object", "page", "callback_url", callbackUrl, "verify_token", verifyToken, "fields",
						String.join(",", fields), "include_values", "true"))
			.then();
	}

	public Mono<List<AppSubscription>> appSubscriptions(AppId app, Secret appToken, Secret appSecret) {
		return call(HttpMethod.GET, "/" + app.value() + "/subscriptions", appToken, appSecret, params())
			.map(readAs("a list of app subscriptions", this::subscriptions));
	}

	public Mono<Void> deleteAppSubscription(AppId app, Secret appToken, Secret appSecret) {
		return call(HttpMethod.DELETE, "/" + app.value() + "/subscriptions", appToken, appSecret,
				params("object", "page"))
			.then();
	}

	/**
	 * One Graph call: parameters in the query for GET and DELETE and as a form for POST,
	 * the token as a bearer header.
	 */
	Mono<JsonNode> call(HttpMethod method, String path, @Nullable Secret token, @Nullable Secret appSecret,
			MultiValueMap<String, String> parameters) {
		if (token != null && appSecret != null) {
			parameters.add("appsecret_proof", proof(token, appSecret));
		}
		boolean form = method == HttpMethod.POST;
		WebClient.RequestBodySpec request = this.http.method(method)
			.uri(form ? uri(path, new LinkedMultiValueMap<>()) : uri(path, parameters))
			.accept(MediaType.APPLICATION_JSON);
		if (token != null) {
			request = request.headers((headers) -> headers.setBearerAuth(token.value()));
		}
		WebClient.RequestHeadersSpec<?> ready = form ? request.body(BodyInserters.fromFormData(parameters)) : request;
		return ready
			.exchangeToMono((response) -> response.bodyToMono(String.class)
				.defaultIfEmpty("")
				.flatMap((body) -> interpret(response.statusCode().value(), body)))
			.transform(this::inTime);
	}

	/**
	 * Passes a call on to Graph with {@code token} (as a bearer header) and its
	 * {@code appsecret_proof}, under the version the caller named, and answers Graph's
	 * status and body unchanged. No answer within the timeout, or none at all, is a
	 * {@link GraphFailure} with code -1.
	 */
	public Mono<RelayedAnswer> relay(RelayedCall call, Secret token, @Nullable Secret appSecret) {
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>(call.query());
		if (appSecret != null) {
			query.set("appsecret_proof", proof(token, appSecret));
		}
		WebClient.RequestBodySpec request = this.http.method(call.method())
			.uri(uri(this.settings.root(call.version()), call.path(), query))
			.accept(MediaType.APPLICATION_JSON)
			.headers((headers) -> headers.setBearerAuth(token.value()));
		WebClient.RequestHeadersSpec<?> ready = (call.contentType() != null)
				? request.contentType(call.contentType()).bodyValue(call.body()) : request;
		return ready
			.exchangeToMono((response) -> response.bodyToMono(byte[].class)
				.defaultIfEmpty(new byte[0])
				.map((body) -> answer(response.statusCode().value(),
						response.headers().contentType().map(MediaType::toString).orElse(null), body)))
			.transform(this::inTime);
	}

	/** Within the timeout; no answer, or none in time, is a failure with code -1. */
	private <T> Mono<T> inTime(Mono<T> call) {
		return call.timeout(this.settings.timeout())
			.onErrorMap(TimeoutException.class,
					(ex) -> GraphFailure.noProperAnswer(0, "Graph did not answer within " + this.settings.timeout()))
			.onErrorMap(WebClientRequestException.class,
					(ex) -> GraphFailure.noProperAnswer(0, "Graph could not be reached: " + ex.getMessage()));
	}

	private RelayedAnswer answer(int status, @Nullable String contentType, byte[] body) {
		GraphFailure failure = null;
		if (status / 100 != 2) {
			try {
				JsonNode parsed = parse(status, new String(body, StandardCharsets.UTF_8));
				failure = errorIn(status, parsed);
				if (failure == null) {
					failure = GraphFailure.noProperAnswer(status, "Graph answered HTTP " + status);
				}
			}
			catch (GraphFailure notJson) {
				failure = notJson;
			}
		}
		return new RelayedAnswer(status, contentType, body, failure);
	}

	private Mono<JsonNode> interpret(int status, String body) {
		JsonNode parsed;
		try {
			parsed = parse(status, body);
		}
		catch (GraphFailure notJson) {
			return Mono.error(notJson);
		}
		GraphFailure error = errorIn(status, parsed);
		if (error != null) {
			return Mono.error(error);
		}
		if (status / 100 != 2) {
			return Mono.error(GraphFailure.noProperAnswer(status, "Graph answered HTTP " + status));
		}
		return Mono.just(parsed);
	}

	private JsonNode parse(int status, String body) {
		try {
			return body.isEmpty() ? this.json.createObjectNode() : this.json.readTree(body);
		}
		catch (RuntimeException ex) {
			throw GraphFailure.noProperAnswer(status, "Graph answered HTTP " + status + " without JSON");
		}
	}

	/** Graph's error object in the answer as a failure, or {@code null} without one. */
	private static @Nullable GraphFailure errorIn(int status, JsonNode parsed) {
		JsonNode error = parsed.path("error");
		if (!error.isObject()) {
			return null;
		}
		return new GraphFailure(status, number(error.path("code"), -1),
				error.path("error_subcode").isIntegralNumber() ? number(error.path("error_subcode"), -1) : null,
				valueOr(error.path("message"), "Graph error"),
				error.path("fbtrace_id").isValueNode() ? valueOr(error.path("fbtrace_id"), "") : null);
	}

	private List<AppSubscription> subscriptions(JsonNode body) {
		List<AppSubscription> subscriptions = new ArrayList<>();
		for (JsonNode item : body.path("data")) {
			List<String> fields = new ArrayList<>();
			for (JsonNode field : item.path("fields")) {
				fields.add(field.isObject() ? field.path("name").asString() : field.asString());
			}
			subscriptions.add(new AppSubscription(item.path("object").asString(""),
					item.path("callback_url").asString(""), item.path("active").asBoolean(false), fields));
		}
		return subscriptions;
	}

	/**
	 * {@code reader} applied to a successful answer; an answer of another shape than the
	 * one Graph documents (a container where a value belongs, an id that is not a number)
	 * is a {@link GraphFailure}, like any other answer Baton cannot use.
	 */
	static <T> Function<JsonNode, T> readAs(String what, Function<JsonNode, T> reader) {
		return (body) -> {
			try {
				return reader.apply(body);
			}
			catch (GraphFailure ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				throw GraphFailure.noProperAnswer(200, "Graph's answer is not " + what + " as Graph documents it");
			}
		};
	}

	/**
	 * A value's text, or {@code fallback} where the answer has no value (or a container).
	 */
	static String valueOr(JsonNode node, String fallback) {
		return node.isValueNode() && !node.isNull() ? node.asString(fallback) : fallback;
	}

	static int number(JsonNode node, int fallback) {
		return node.canConvertToInt() ? node.asInt(fallback) : fallback;
	}

	static MultiValueMap<String, String> params(String... namesAndValues) {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			parameters.add(namesAndValues[i], namesAndValues[i + 1]);
		}
		return parameters;
	}

	/**
	 * The call's URI with every parameter value strictly encoded ({@code +} and {@code |}
	 * too).
	 */
	private URI uri(String path, MultiValueMap<String, String> parameters) {
		return uri(this.settings.root(), path, parameters);
	}

	private static URI uri(String root, String path, MultiValueMap<String, String> parameters) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(root + path);
		Map<String, String> values = new HashMap<>();
		parameters.forEach((name, list) -> list.forEach((value) -> {
			String variable = "p" + values.size();
			values.put(variable, value);
			builder.queryParam(name, "{" + variable + "}");
		}));
		return builder.encode().buildAndExpand(values).toUri();
	}

	private static String text(JsonNode body, String field) {
		JsonNode value = body.path(field);
		if (!value.isValueNode() || value.asString("").isEmpty()) {
			throw GraphFailure.noProperAnswer(200, "Graph's answer has no " + field);
		}
		return value.asString();
	}

	/**
	 * {@code appsecret_proof}: hex HMAC-SHA256 of the token, keyed with the app secret.
	 */
	static String proof(Secret token, Secret appSecret) {
		return Hmac.hex(Hmac.SHA256, appSecret, token.value().getBytes(StandardCharsets.UTF_8));
	}

}
