package io.baton.platform;

import reactor.core.publisher.Mono;

/**
 * Waits for several values at once and combines them with a constructor or method that
 * names each, instead of reading {@code getT1()…getTn()} off a tuple. (Reactor itself
 * takes such a combinator for two values only.)
 */
public final class Zips {

	private Zips() {
	}

	/** Combines three values. */
	@FunctionalInterface
	public interface Combine3<A, B, C, R> {

		R apply(A a, B b, C c);

	}

	/** Combines five values. */
	@FunctionalInterface
	public interface Combine5<A, B, C, D, E, R> {

		R apply(A a, B b, C c, D d, E e);

	}

	public static <A, B, C, R> Mono<R> zip(Mono<A> a, Mono<B> b, Mono<C> c, Combine3<A, B, C, R> combine) {
		return Mono.zip(a, b, c).map((all) -> combine.apply(all.getT1(), all.getT2(), all.getT3()));
	}

	public static <A, B, C, D, E, R> Mono<R> zip(Mono<A> a, Mono<B> b, Mono<C> c, Mono<D> d, Mono<E> e,
			Combine5<A, B, C, D, E, R> combine) {
		return Mono.zip(a, b, c, d, e)
			.map((all) -> combine.apply(all.getT1(), all.getT2(), all.getT3(), all.getT4(), all.getT5()));
	}

}
