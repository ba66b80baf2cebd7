package io.baton.sandbox.accounts;

/**
 * A person in the sandbox's Facebook.
 *
 * @param id the (global) user id, never shown to apps
 * @param name the display name
 */
public record SandboxUser(String id, String name) {

}
