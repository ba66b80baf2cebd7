package io.baton.platform;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A worker that drains a queue kept in the database: at once when woken by this process,
 * and every so often for work other processes queued (or leases that ran out). One drain
 * at a time; a wake-up during a drain runs one more drain after it, so no work waits for
 * the next poll. A failed drain is logged and the next one tries again.
 */
public final class WorkLoop {

	private static final Logger logger = LoggerFactory.getLogger(WorkLoop.class);

	private final Sinks.Many<Boolean> wakeUps = Sinks.many().multicast().directBestEffort();

	private final String what;

	private final Duration pollEvery;

	private final AtomicBoolean stopping = new AtomicBoolean();

	private final AtomicInteger draining = new AtomicInteger();

	/** Completes when a stopping loop has no drain running. */
	private final Sinks.Empty<Void> idle = Sinks.empty();

	private Disposable running = () -> {
	};

	public WorkLoop(String what, Duration pollEvery) {
		this.what = what;
		this.pollEvery = pollEvery;
	}

	/**
	 * Starts {@code workers} loops, each running {@code drain}, until {@link #stop()}.
	 */
	public void start(int workers, Supplier<Mono<?>> drain) {
		this.running = Flux.range(0, workers)
			.flatMap((worker) -> Flux.merge(Flux.interval(Duration.ZERO, this.pollEvery), this.wakeUps.asFlux())
				.onBackpressureLatest()
				.concatMap((tick) -> this.stopping.get() ? Mono.empty() : Mono.defer(() -> {
					this.draining.incrementAndGet();
					return drain.get();
				}).then().doFinally((signal) -> {
					if (this.draining.decrementAndGet() == 0 && this.stopping.get()) {
						this.idle.tryEmitEmpty();
					}
				}).onErrorResume((ex) -> {
					logger.warn("{} failed; the next run tries again", this.what, ex);
					return Mono.empty();
				}), 1), workers)
			.subscribe();
	}

	public void stop() {
		this.stopping.set(true);
		this.running.dispose();
	}

	/**
	 * Starts no more drains and completes once the running ones have finished, or after
	 * {@code grace}, whichever comes first; then stops what is left. Nothing waits on a
	 * thread: the caller subscribes.
	 */
	public Mono<Void> stop(Duration grace) {
		return Mono.defer(() -> {
			this.stopping.set(true);
			if (this.draining.get() == 0) {
				this.idle.tryEmitEmpty();
			}
			return this.idle.asMono().timeout(grace, Mono.empty());
		}).doFinally((signal) -> this.running.dispose());
	}

	/** Whether {@link #stop} was called: a drain should not take on more work. */
	public boolean stopping() {
		return this.stopping.get();
	}

	/** Runs the loops now rather than at their next poll. */
	public void wakeUp() {
		this.wakeUps.tryEmitNext(Boolean.TRUE);
	}

}
