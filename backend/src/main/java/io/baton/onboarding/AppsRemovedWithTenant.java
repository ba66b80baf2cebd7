package io.baton.onboarding;

import reactor.core.publisher.Mono;

import io.baton.apps.App;
import io.baton.apps.Apps;
import io.baton.graph.AppId;
import io.baton.tenancy.BeforeTenantDeletion;
import io.baton.tenancy.CurrentTenant;

import org.springframework.stereotype.Component;

/**
 * A tenant being deleted has its apps deleted as an admin deletes one: each unsubscribed
 * from its pages, then its own webhook subscription removed at Facebook.
 */
@Component
class AppsRemovedWithTenant implements BeforeTenantDeletion {

	private final Apps apps;

	private final PageOnboarding pages;

	AppsRemovedWithTenant(Apps apps, PageOnboarding pages) {
		this.apps = apps;
		this.pages = pages;
	}

	@Override
	public Mono<Void> prepare(CurrentTenant tenant) {
		return this.apps.list(tenant).map(App::id).concatMap((app) -> remove(tenant, app)).then();
	}

	private Mono<Void> remove(CurrentTenant tenant, AppId app) {
		return this.pages.disconnectAll(tenant, app).then(this.apps.delete(tenant, app, app.value()));
	}

}
