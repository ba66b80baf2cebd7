package io.baton.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.baton.testing.TestHttp;

/**
 * A minimal browser over a real port: keeps cookies, follows no redirects, remembers
 * every cookie name any response set, and fills the dialog's forms the way a person would
 * (hidden fields included).
 */
public class SandboxBrowser {

	private static final Pattern HIDDEN = Pattern
		.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

	/**
	 * A new client (so a new connection) per request: the JDK client reusing a keep-alive
	 * connection just as the server drops it was seen to hang for the whole timeout now
	 * and then; a browser would simply reconnect.
	 */
	private static HttpClient client() {
		return TestHttp.builder().followRedirects(HttpClient.Redirect.NEVER).build();
	}

	private final String baseUrl;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private final List<String> cookiesEverSet = new ArrayList<>();

	public SandboxBrowser(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	/** A path and query on the application, or an absolute URL (as in a Location). */
	public HttpResponse<String> get(String pathAndQuery) {
		String url = pathAndQuery.startsWith("http") ? pathAndQuery : this.baseUrl + pathAndQuery;
		return send(HttpRequest.newBuilder(URI.create(url)).GET());
	}

	/** Submits a form of the last page: its hidden fields plus {@code fields}. */
	public HttpResponse<String> post(String path, String page, Map<String, List<String>> fields) {
		Map<String, List<String>> form = new LinkedHashMap<>();
		Matcher hidden = HIDDEN.matcher(page);
		while (hidden.find()) {
			form.putIfAbsent(hidden.group(1), List.of(unescape(hidden.group(2))));
		}
		form.putAll(fields);
		return postForm(path, form);
	}

	public HttpResponse<String> postForm(String path, Map<String, List<String>> form) {
		String body = form.entrySet()
			.stream()
			.flatMap((field) -> field.getValue().stream().map((value) -> encode(field.getKey()) + "=" + encode(value)))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	public List<String> cookiesEverSet() {
		return this.cookiesEverSet;
	}

	public void forgetCookies() {
		this.cookies.clear();
	}

	public static Map<String, String> query(String location) {
		Map<String, String> query = new LinkedHashMap<>();
		String raw = URI.create(location).getRawQuery();
		for (String pair : (raw != null) ? raw.split("&") : new String[0]) {
			String[] parts = pair.split("=", 2);
			query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
					(parts.length > 1) ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
		}
		return query;
	}

	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		if (!this.cookies.isEmpty()) {
			request.header("Cookie",
					this.cookies.entrySet()
						.stream()
						.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
						.collect(Collectors.joining("; ")));
		}
		try {
			HttpResponse<String> response = client().send(request.timeout(TestHttp.ANSWER).build(),
					HttpResponse.BodyHandlers.ofString());
			response.headers().allValues("Set-Cookie").forEach(this::remember);
			return response;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void remember(String setCookie) {
		String[] nameValue = setCookie.split(";", 2)[0].split("=", 2);
		this.cookiesEverSet.add(nameValue[0]);
		boolean expired = setCookie.contains("Max-Age=0") || nameValue.length < 2 || nameValue[1].isEmpty();
		if (expired) {
			this.cookies.remove(nameValue[0]);
		}
		else {
			this.cookies.put(nameValue[0], nameValue[1]);
		}
	}

	private static String unescape(String html) {
		return html.replace("&amp;", "&")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&lt;", "<")
			.replace("&gt;", ">");
	}

}
