package io.baton.onboarding;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.baton.graph.AppId;
import io.baton.graph.PageAccount;
import io.baton.graph.PageId;
import io.baton.tenancy.TenantId;
import io.baton.tenancy.UserId;

/**
 * A connection in progress, kept in the staff member's web session and bound to it by the
 * Login {@code state}: who started it, for which tenant and app, and (after the dialog)
 * the pages Facebook offered with the permissions granted.
 */
public record PendingConnection(String state, TenantId tenant, AppId app, UserId startedBy, Instant startedAt,
		@Nullable PageId onlyPage, List<PageAccount> offered, List<String> granted, List<String> missing) {

	/** The offer from Facebook; a re-connection of one page offers that page only. */
	PendingConnection withOffer(List<PageAccount> pages, List<String> grantedScopes, List<String> missingScopes) {
		List<PageAccount> offer = (this.onlyPage == null) ? pages
				: pages.stream().filter((page) -> page.id().equals(this.onlyPage)).toList();
		return new PendingConnection(this.state, this.tenant, this.app, this.startedBy, this.startedAt, this.onlyPage,
				offer, grantedScopes, missingScopes);
	}

	@Override
	public String toString() {
		return "PendingConnection[" + this.tenant + ", app " + this.app + ", " + this.offered.size() + " pages]";
	}

}
