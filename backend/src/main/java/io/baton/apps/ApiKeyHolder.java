package io.baton.apps;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.baton.graph.AppId;
import io.baton.graph.PageId;
import io.baton.tenancy.TenantId;

/**
 * Whoever presented a valid, unrevoked API key: they act for that key's app, in its
 * tenant, and for nothing else.
 *
 * @param keyName the name staff gave the key, recorded in the audit log as the actor
 * @param page the one page the key is limited to, or {@code null} for every page of the
 * app
 */
public record ApiKeyHolder(UUID keyId, String prefix, String keyName, TenantId tenant, AppId app,
		@Nullable PageId page) {

	/**
	 * The actor the audit log names, e.g. {@code API key "support bot" (bk_Ab12Cd34)}.
	 */
	public String actorName() {
		return "API key \"" + this.keyName + "\" (" + this.prefix + ")";
	}

}
