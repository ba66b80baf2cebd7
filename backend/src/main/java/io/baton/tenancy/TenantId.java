package io.baton.tenancy;

import java.util.Optional;
import java.util.UUID;

/** Identifies a tenant; every tenant-owned row carries one. */
public record TenantId(UUID value) {

	public static TenantId random() {
		return new TenantId(UUID.randomUUID());
	}

	/** Parses a tenant id from a URL; empty when it is not a UUID. */
	public static Optional<TenantId> parse(String text) {
		try {
			return Optional.of(new TenantId(UUID.fromString(text)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
