/**
 * The dashboard's shell: the security chain, the layout's shared model, flash messages,
 * form and date helpers, and error pages. Each feature's pages live in its own module
 * ({@code apps.web}, {@code delivery.web}, ...).
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform" })
package io.baton.web;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
