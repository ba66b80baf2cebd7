package io.baton.delivery.process;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.baton.delivery.process.MessengerTraffic.Batch;
import io.baton.delivery.process.MessengerTraffic.Message;
import io.baton.testing.BatonProcess;
import io.baton.testing.FacebookWebhooks;

/**
 * Plays Facebook sending a page's traffic: one thread per stream, each POSTing its
 * batches one after the other, signed, so a batch goes out only after the one before it
 * was answered. A stream stops at its first failed POST; that batch is not sent again and
 * counts as acknowledged only if another POST of it was answered 200.
 */
final class WebhookSenders implements AutoCloseable {

	private final MessengerTraffic traffic;

	private final AppWithBot app;

	private final ExecutorService threads;

	private final AtomicIntegerArray sent;

	private final Map<BatonProcess, FacebookWebhooks> facebook = new ConcurrentHashMap<>();

	private final Set<Batch> acknowledged = ConcurrentHashMap.newKeySet();

	private final AtomicInteger posts = new AtomicInteger();

	private final AtomicInteger failures = new AtomicInteger();

	WebhookSenders(MessengerTraffic traffic, AppWithBot app) {
		this.traffic = traffic;
		this.app = app;
		this.threads = Executors.newFixedThreadPool(traffic.streams().size());
		this.sent = new AtomicIntegerArray(traffic.streams().size());
	}

	/**
	 * Sends each stream's next batches, up to its {@code upTo}th, each to the processes
	 * {@code targets} names for it (a second one is Facebook sending it again).
	 */
	CompletableFuture<Void> send(int upTo, Targets targets) {
		return CompletableFuture.allOf(IntStream.range(0, this.traffic.streams().size())
			.mapToObj((stream) -> CompletableFuture.runAsync(() -> sendStream(stream, upTo, targets), this.threads))
			.toArray(CompletableFuture[]::new));
	}

	/** Sends every stream's next batches to {@code baton}. */
	CompletableFuture<Void> sendRest(BatonProcess baton) {
		return send(Integer.MAX_VALUE, (stream, number) -> List.of(baton));
	}

	private void sendStream(int stream, int upTo, Targets targets) {
		List<Batch> batches = this.traffic.streams().get(stream);
		while (this.sent.get(stream) < Math.min(upTo, batches.size())) {
			int number = this.sent.getAndIncrement(stream);
			for (BatonProcess baton : targets.of(stream, number)) {
				if (!post(baton, batches.get(number))) {
					return;
				}
			}
		}
	}

	private boolean post(BatonProcess baton, Batch batch) {
		this.posts.incrementAndGet();
		try {
			FacebookWebhooks sender = this.facebook.computeIfAbsent(baton,
					(process) -> new FacebookWebhooks(process.baseUrl()));
			if (sender.post(this.app.app().value(), this.app.secret(), batch.body()) == 200) {
				this.acknowledged.add(batch);
				return true;
			}
		}
		catch (IOException ex) {
			// The process died under the request: not acknowledged.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.failures.incrementAndGet();
		return false;
	}

	int acknowledgedBatches() {
		return this.acknowledged.size();
	}

	/** Every message of a batch answered 200. */
	Set<Message> acknowledgedMessages() {
		return this.acknowledged.stream().flatMap((batch) -> batch.messages().stream()).collect(Collectors.toSet());
	}

	/** Batches every stream has gone past, sent or not. */
	int batchesGonePast() {
		return IntStream.range(0, this.sent.length()).map(this.sent::get).sum();
	}

	int posts() {
		return this.posts.get();
	}

	int failures() {
		return this.failures.get();
	}

	@Override
	public void close() {
		this.threads.shutdownNow();
	}

	/** Where a stream's batch goes: one process, or several one after the other. */
	@FunctionalInterface
	interface Targets {

		List<BatonProcess> of(int stream, int number);

	}

}
