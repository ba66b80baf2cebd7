package io.baton.delivery;

import io.baton.graph.AppId;
import io.baton.secrets.Secret;
import io.baton.tenancy.TenantId;

/** A delivery a worker has leased, with what its POST needs. */
record ClaimedDelivery(long id, TenantId tenant, AppId app, String pageId, int attempt, byte[] payload, String endpoint,
		Secret appSecret) {
}
