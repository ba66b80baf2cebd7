/**
 * The Graph sandbox: an embedded emulator of the parts of Facebook Baton uses, served
 * under {@code /sandbox/}. It depends on nothing else in Baton and Baton reaches it only
 * over HTTP. This package holds its settings, its schema and its security chain.
 */
@NullMarked
package io.baton.sandbox;

import org.jspecify.annotations.NullMarked;
