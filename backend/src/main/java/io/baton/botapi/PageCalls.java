package io.baton.botapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import io.baton.apps.ApiKeyHolder;
import io.baton.apps.AppDirectory;
import io.baton.graph.GraphClient;
import io.baton.graph.GraphFailure;
import io.baton.graph.PageId;
import io.baton.graph.RelayedAnswer;
import io.baton.graph.RelayedCall;
import io.baton.platform.NotFound;
import io.baton.tokens.PageTokens;

import org.springframework.stereotype.Component;

/**
 * A bot's call passed on to Graph for one page, with the page token Baton keeps and the
 * app's {@code appsecret_proof}. Graph's rate-limit answers (4, 32, 613) are tried again
 * with growing waits while the bot's wait stays within {@code rate-limit-wait}; after it
 * the bot gets Graph's last answer, and nothing is queued.
 */
@Component
class PageCalls {

	private static final Set<Integer> RATE_LIMITS = Set.of(4, 32, 613);

	private final GraphClient graph;

	private final PageTokens tokens;

	private final AppDirectory apps;

	private final BotApiSettings settings;

	private final Clock clock;

	PageCalls(GraphClient graph, PageTokens tokens, AppDirectory apps, BotApiSettings settings, Clock clock) {
		this.graph = graph;
		this.tokens = tokens;
		this.apps = apps;
		this.settings = settings;
		this.clock = clock;
	}

	/** Graph's answer, and how many times Baton called Graph for it. */
	record Answered(RelayedAnswer answer, int calls) {
	}

	Mono<Answered> call(ApiKeyHolder key, PageId page, RelayedCall call) {
		Instant deadline = this.clock.instant().plus(this.settings.rateLimitWait());
		AtomicInteger calls = new AtomicInteger();
		return this.tokens.tokenFor(key.tenant(), key.app(), page)
			.onErrorMap(NotFound.class, (gone) -> GraphRefusal.unsupported(call.method().name(), page.value()))
			.zipWith(this.apps.lookUp(key.app()))
			.flatMap((credentials) -> Mono
				.defer(() -> this.graph.relay(call, credentials.getT1(), credentials.getT2().appSecret()))
				.doOnSubscribe((subscription) -> calls.incrementAndGet())
				.flatMap(PageCalls::rateLimitedAsError)
				.retryWhen(Retry.from((signals) -> signals.concatMap((signal) -> waitOrGiveUp(signal, deadline)))))
			.onErrorResume(RateLimited.class, (limited) -> Mono.just(limited.answer))
			.onErrorMap(GraphFailure.class, (noAnswer) -> GraphRefusal.unexpected())
			.map((answer) -> new Answered(answer, calls.get()));
	}

	private static Mono<RelayedAnswer> rateLimitedAsError(RelayedAnswer answer) {
		GraphFailure failure = answer.failure();
		boolean limited = failure != null && failure.kind() == GraphFailure.Kind.RATE_LIMITED
				&& RATE_LIMITS.contains(failure.code());
		return limited ? Mono.error(new RateLimited(answer)) : Mono.just(answer);
	}

	/**
	 * The next wait (doubling from {@code first-retry} up to {@code max-retry}, ±20 %),
	 * or giving up when it would end past the deadline.
	 */
	private Mono<Long> waitOrGiveUp(Retry.RetrySignal signal, Instant deadline) {
		if (!(signal.failure() instanceof RateLimited)) {
			return Mono.error(signal.failure());
		}
		long doubled = this.settings.firstRetry().toMillis() << Math.min(signal.totalRetries(), 20);
		long wait = Math.min(doubled, this.settings.maxRetry().toMillis());
		Duration jittered = Duration.ofMillis((long) (wait * ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
		if (this.clock.instant().plus(jittered).isAfter(deadline)) {
			return Mono.error(signal.failure());
		}
		return Mono.delay(jittered);
	}

	/** Graph answered a rate limit: carried through the retry, answered when given up. */
	private static final class RateLimited extends RuntimeException {

		private final transient RelayedAnswer answer;

		RateLimited(RelayedAnswer answer) {
			super("rate limited", null, false, false);
			this.answer = answer;
		}

	}

}
