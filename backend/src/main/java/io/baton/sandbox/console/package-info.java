/**
 * The sandbox's "world" console: HTML under {@code /sandbox/console} and a JSON API under
 * {@code /sandbox/api/} to create people, pages and apps, change roles, trigger token
 * life events and inject Graph faults.
 */
@NullMarked
package io.baton.sandbox.console;

import org.jspecify.annotations.NullMarked;
