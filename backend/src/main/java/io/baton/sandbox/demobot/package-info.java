/**
 * The demo bot: a bot endpoint the sandbox serves for its apps, which checks Baton's
 * signature as a real bot would, records what it received, and can be told to fail or to
 * be slow, so a person sees a message travel from the simulator through Baton to a bot.
 */
@NullMarked
package io.baton.sandbox.demobot;

import org.jspecify.annotations.NullMarked;
