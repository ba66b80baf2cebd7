package io.baton.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An app's webhook endpoint, or a bot's, for tests: a JDK HTTP server that records every
 * POST as raw bytes with its headers, answers a configurable status, and can hold its
 * answers until released (a slow endpoint).
 */
public class WebhookReceiver implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpServer server;

	private final ExecutorService threads = Executors.newFixedThreadPool(4);

	private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

	private final AtomicInteger status = new AtomicInteger(200);

	private final AtomicReference<String> body = new AtomicReference<>("");

	private final AtomicReference<String> location = new AtomicReference<>("");

	private final AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(0));

	private final AtomicInteger arrivals = new AtomicInteger();

	public WebhookReceiver() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", this::handle);
		this.server.setExecutor(this.threads);
		this.server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/webhook";
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	public void answer(int status) {
		answer(status, "");
	}

	/** Answers {@code status} with {@code body} as plain text. */
	public void answer(int status, String body) {
		this.status.set(status);
		this.body.set(body);
		this.location.set("");
	}

	/** Answers 302 with {@code Location: location}. */
	public void redirectTo(String location) {
		answer(302);
		this.location.set(location);
	}

	/** Holds every answer until {@link #release()}. */
	public void hold() {
		this.gate.set(new CountDownLatch(1));
	}

	public void release() {
		this.gate.get().countDown();
	}

	public List<Delivery> deliveries() {
		return List.copyOf(this.deliveries);
	}

	/** Every event received, in order, as {@code key} ("messaging"/"standby") items. */
	public List<JsonNode> events(String key) {
		return this.deliveries.stream()
			.filter((delivery) -> delivery.status() == 200)
			.flatMap((delivery) -> delivery.entries().stream())
			.flatMap((entry) -> {
				List<JsonNode> events = new java.util.ArrayList<>();
				entry.path(key).forEach(events::add);
				return events.stream();
			})
			.toList();
	}

	/** How many POSTs have arrived, including those still held. */
	public int arrived() {
		return this.arrivals.get();
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		this.arrivals.incrementAndGet();
		int answer = this.status.get();
		try {
			this.gate.get().await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.deliveries.add(new Delivery(body, exchange.getRequestHeaders().getFirst("X-Hub-Signature"),
				exchange.getRequestHeaders().getFirst("X-Hub-Signature-256"),
				exchange.getRequestHeaders().getFirst("Content-Type"), answer,
				exchange.getRequestHeaders().getFirst("X-Baton-Delivery"),
				exchange.getRequestHeaders().getFirst("X-Baton-Attempt"), exchange.getRemoteAddress().getPort()));
		byte[] answerBody = this.body.get().getBytes(StandardCharsets.UTF_8);
		if (!this.location.get().isEmpty()) {
			exchange.getResponseHeaders().set("Location", this.location.get());
		}
		exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
		exchange.sendResponseHeaders(answer, (answerBody.length == 0) ? -1 : answerBody.length);
		exchange.getResponseBody().write(answerBody);
		exchange.close();
	}

	@Override
	public void close() {
		release();
		this.server.stop(0);
		this.threads.shutdownNow();
	}

	/**
	 * One POST as received.
	 *
	 * @param body the raw bytes
	 * @param signature {@code X-Hub-Signature}
	 * @param signature256 {@code X-Hub-Signature-256}
	 * @param contentType its content type
	 * @param status what the receiver answered
	 * @param deliveryId Baton's {@code X-Baton-Delivery}, when Baton sent it
	 * @param attempt Baton's {@code X-Baton-Attempt}, when Baton sent it
	 * @param clientPort the sender's port, the same for POSTs over one kept-alive
	 * connection
	 */
	public record Delivery(byte[] body, String signature, String signature256, String contentType, int status,
			String deliveryId, String attempt, int clientPort) {

		public String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		public JsonNode json() {
			return WebhookReceiver.json.readTree(this.body);
		}

		public List<JsonNode> entries() {
			List<JsonNode> entries = new java.util.ArrayList<>();
			json().path("entry").forEach(entries::add);
			return entries;
		}

		/** Checks both signatures with the JDK's own HMAC over the raw bytes. */
		public boolean signedWith(String secret) {
			return ("sha1=" + FacebookWebhooks.hmac("HmacSHA1", secret, this.body)).equals(this.signature)
					&& ("sha256=" + FacebookWebhooks.hmac("HmacSHA256", secret, this.body)).equals(this.signature256);
		}

	}

	public static Duration patience() {
		return Duration.ofSeconds(30);
	}

}
