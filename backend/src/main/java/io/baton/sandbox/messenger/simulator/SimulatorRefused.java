package io.baton.sandbox.messenger.simulator;

/** A simulator action that makes no sense in the conversation (answered 400). */
class SimulatorRefused extends RuntimeException {

	SimulatorRefused(String message) {
		super(message, null, false, false);
	}

}
