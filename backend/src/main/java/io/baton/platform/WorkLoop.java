package io.baton.platform;

import java.time.Duration;
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
				.concatMap((tick) -> Mono.defer(drain).then().onErrorResume((ex) -> {
					logger.warn("{} failed; the next run tries again", this.what, ex);
					return Mono.empty();
				}), 1), workers)
			.subscribe();
	}

	public void stop() {
		this.running.dispose();
	}

	/** Runs the loops now rather than at their next poll. */
	public void wakeUp() {
		this.wakeUps.tryEmitNext(Boolean.TRUE);
	}

}
