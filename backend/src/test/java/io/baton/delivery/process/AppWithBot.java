package io.baton.delivery.process;

import io.baton.graph.AppId;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.SignedInUser;
import io.baton.tenancy.TenantManagement;
import io.baton.testing.Fixtures;
import io.baton.testing.Staff;
import io.baton.testing.WebhookReceiver;

import org.springframework.context.ApplicationContext;

/**
 * A tenant's app whose bot endpoint is {@code bot}, and the secret Facebook signs with.
 */
record AppWithBot(CurrentTenant tenant, AppId app, String secret) {

	static AppWithBot listeningAt(ApplicationContext context, WebhookReceiver bot) {
		TenantManagement tenants = context.getBean(TenantManagement.class);
		SignedInUser owner = Staff.signedIn(context, "Ada " + System.nanoTime());
		CurrentTenant acme = tenants.enter(owner, tenants.create(owner, "Acme").block()).block();
		AppId app = Fixtures.anAppOf(context, acme, "77" + (System.nanoTime() % 10_000_000_000_000L));
		Fixtures.botEndpointOf(context, acme, app, bot.url());
		return new AppWithBot(acme, app, "secret-of-" + app.value());
	}

}
