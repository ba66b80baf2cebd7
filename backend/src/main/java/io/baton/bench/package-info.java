/**
 * Benchmark support: a bare endpoint that answers 200 without any work, the ceiling that
 * ingress is measured against. Off unless {@code baton.bench.enabled=true}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package io.baton.bench;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
