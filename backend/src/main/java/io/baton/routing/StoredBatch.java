package io.baton.routing;

import java.time.Instant;

import io.baton.graph.AppId;
import io.baton.tenancy.TenantId;

/** A batch as intake stored it, claimed for routing. */
record StoredBatch(long id, Instant receivedAt, TenantId tenant, AppId app, byte[] body) {
}
