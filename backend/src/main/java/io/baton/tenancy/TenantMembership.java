package io.baton.tenancy;

/** One of the tenants a user belongs to, for the tenant switcher. */
public record TenantMembership(TenantId tenantId, String tenantName, Role role, boolean demo) {
}
