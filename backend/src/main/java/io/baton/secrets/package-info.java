/**
 * Secrets at rest: {@code SecretBox} seals app secrets, page tokens and notification
 * tokens (AES-256-GCM, a key id and a context on every value), {@code Secret} keeps them
 * out of logs, {@code Hmac} signs with them, and key rotation re-seals what an older key
 * sealed through each module's {@code Resealable}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform", "tenancy" })
package io.baton.secrets;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
