package io.baton.platform;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A background job run every so often: one run at a time (a tick that comes while a run
 * is still going is dropped), and a failed run is logged and the next one tries again.
 */
public final class Repeating {

	private static final Logger logger = LoggerFactory.getLogger(Repeating.class);

	private Repeating() {
	}

	/** Starts {@code run} every {@code interval}; dispose the answer to stop it. */
	public static Disposable every(Duration interval, String what, Supplier<Mono<?>> run) {
		return Flux.interval(interval, interval)
			.onBackpressureDrop()
			.concatMap((tick) -> run.get().then().onErrorResume((ex) -> {
				logger.warn("{} failed; the next run tries again", what, ex);
				return Mono.empty();
			}))
			.subscribe();
	}

}
