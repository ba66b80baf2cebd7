/**
 * What every module stands on: Baton's own settings and the PostgreSQL connection
 * (start-up check, the role and schema each connection runs with).
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package io.baton.platform;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
