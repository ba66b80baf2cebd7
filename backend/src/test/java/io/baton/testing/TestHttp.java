package io.baton.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The JDK HTTP client as tests use it: a call that the server never answers (or a
 * keep-alive connection dropped under it) fails the test within seconds instead of
 * blocking the build.
 */
public final class TestHttp {

	/** How long a test waits to connect. */
	public static final Duration CONNECT = Duration.ofSeconds(5);

	/**
	 * How long a test waits for an answer: well past the slowest answer a test provokes
	 * (a group commit held by a 3 s trigger), far below a stuck build.
	 */
	public static final Duration ANSWER = Duration.ofSeconds(20);

	private TestHttp() {
	}

	/** An HTTP/1.1 client that connects within {@link #CONNECT}. */
	public static HttpClient client() {
		return builder().build();
	}

	/** The builder of {@link #client()}, for clients that differ in more. */
	public static HttpClient.Builder builder() {
		return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT);
	}

	/** A request that must be answered within {@link #ANSWER}. */
	public static HttpRequest.Builder request(URI uri) {
		return HttpRequest.newBuilder(uri).timeout(ANSWER);
	}

	/** The request as it is, with {@link #ANSWER} as its timeout unless it has one. */
	public static HttpRequest bounded(HttpRequest request) {
		return request.timeout().isPresent() ? request
				: HttpRequest.newBuilder(request, (name, value) -> true).timeout(ANSWER).build();
	}

	/** Sends the request (bounded) and reads the answer as text. */
	public static HttpResponse<String> send(HttpClient client, HttpRequest request) {
		return send(client, request, HttpResponse.BodyHandlers.ofString());
	}

	/** Sends the request (bounded); an I/O failure or timeout fails the test. */
	public static <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> body) {
		try {
			return client.send(bounded(request), body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
