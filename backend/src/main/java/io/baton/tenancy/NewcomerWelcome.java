package io.baton.tenancy;

import reactor.core.publisher.Mono;

/**
 * What happens when someone signs in to Baton for the first time, beyond becoming a user:
 * a module that greets newcomers (demo mode adds them to its tenant) implements it.
 * Sign-in waits for every welcome before it completes.
 */
public interface NewcomerWelcome {

	Mono<Void> welcome(SignedInUser newcomer);

}
