package io.baton.delivery;

import org.jspecify.annotations.Nullable;

import io.baton.graph.AppId;
import io.baton.secrets.Secret;
import io.baton.tenancy.TenantId;

/**
 * A delivery a worker has leased, with what its POST needs: the endpoint is null when the
 * app has none (cleared while the delivery waited), the secret when it cannot be opened.
 * Either is an outcome of that one delivery, never a failure of the claim.
 */
record ClaimedDelivery(long id, TenantId tenant, AppId app, int attempt, byte[] payload, @Nullable String endpoint,
		@Nullable Secret appSecret) {
}
