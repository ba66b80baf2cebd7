package io.baton.sandbox.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import io.baton.sandbox.ConditionalOnSandbox;

import org.springframework.stereotype.Component;

/**
 * The sandbox's time: the system's, shifted by an offset that tests (and only tests) move
 * forward to expire windows, tokens and thread control. Deliberately not a {@link Clock}
 * bean, so that Baton's own clock stays the only one of that type.
 */
@Component
@ConditionalOnSandbox
public class SandboxClock {

	private final AtomicReference<Clock> clock = new AtomicReference<>(Clock.systemUTC());

	public Instant instant() {
		return this.clock.get().instant();
	}

	public OffsetDateTime now() {
		return OffsetDateTime.ofInstant(instant(), ZoneOffset.UTC);
	}

	/** Moves the sandbox's time forward (or back) by {@code by}. */
	public void shift(Duration by) {
		this.clock.updateAndGet((current) -> Clock.offset(current, by));
	}

	/** Back to the system's time, as a test leaves it for the next. */
	public void reset() {
		this.clock.set(Clock.systemUTC());
	}

}
