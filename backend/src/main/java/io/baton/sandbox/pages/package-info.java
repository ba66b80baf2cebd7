/**
 * Facebook pages in the sandbox: who manages them, {@code /me/accounts} with page tokens,
 * and the page as a Graph node.
 */
@NullMarked
package io.baton.sandbox.pages;

import org.jspecify.annotations.NullMarked;
