package io.baton.sandbox.accounts;

/**
 * A Facebook page in the sandbox.
 *
 * @param id the page id
 * @param name its name
 * @param category its category, e.g. {@code Local business}
 */
public record SandboxPage(String id, String name, String category) {

}
