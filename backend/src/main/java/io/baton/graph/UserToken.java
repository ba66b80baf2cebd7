package io.baton.graph;

import org.jspecify.annotations.Nullable;

import io.baton.secrets.Secret;

/** A user access token from Facebook Login, and how long Graph says it lasts. */
public record UserToken(Secret token, @Nullable Long expiresInSeconds) {
}
