package io.baton.sandbox.subscriptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.baton.sandbox.SandboxBrowser;

/**
 * A webhook receiver outside Baton, on a free port: answers the verification handshake as
 * told ({@link Answer}) and remembers each handshake's query.
 */
class CallbackServer implements AutoCloseable {

	enum Answer {

		/** 200 with the challenge, as a correct receiver does. */
		ECHO,
		/** 200 with something else. */
		WRONG_BODY,
		/** 403, as when the verify token does not match. */
		FORBIDDEN,
		/** Never answers. */
		SILENT

	}

	private final HttpServer server;

	private final List<Map<String, String>> handshakes = new CopyOnWriteArrayList<>();

	private final List<HttpExchange> unanswered = new CopyOnWriteArrayList<>();

	private final List<String> requests = new CopyOnWriteArrayList<>();

	volatile Answer answer = Answer.ECHO;

	CallbackServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", this::handle);
		this.server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		this.server.start();
	}

	/** On loopback under {@code /webhooks/}, where the sandbox calls back. */
	String url() {
		return root() + "/webhooks/receiver";
	}

	String root() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** The paths of every request received, handshake or not. */
	List<String> requests() {
		return this.requests;
	}

	List<Map<String, String>> handshakes() {
		return this.handshakes;
	}

	private void handle(HttpExchange exchange) throws IOException {
		this.requests.add(exchange.getRequestURI().getPath());
		Map<String, String> query = SandboxBrowser.query(exchange.getRequestURI().toString());
		this.handshakes.add(query);
		switch (this.answer) {
			case ECHO -> respond(exchange, 200, query.getOrDefault("hub.challenge", ""));
			case WRONG_BODY -> respond(exchange, 200, "not the challenge");
			case FORBIDDEN -> respond(exchange, 403, "Forbidden");
			case SILENT -> this.unanswered.add(exchange);
		}
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	@Override
	public void close() {
		this.unanswered.forEach(HttpExchange::close);
		this.server.stop(0);
	}

}
