package io.baton.sandbox.webhooks;

/**
 * Faults injected into an app's webhook delivery from the simulator.
 *
 * @param delayMs wait this long before each POST
 * @param duplicate send each POST twice
 * @param drop mark updates delivered without sending them
 */
public record Faults(int delayMs, boolean duplicate, boolean drop) {

	public static final Faults NONE = new Faults(0, false, false);

}
