package io.baton.delivery;

import org.junit.jupiter.api.Test;

import io.baton.graph.AppId;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.SignedInUser;
import io.baton.tenancy.TenantManagement;
import io.baton.tenancy.TenantTransactions;
import io.baton.testing.BatonTest;
import io.baton.testing.Fixtures;
import io.baton.testing.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finished deliveries older than the retention are removed; waiting ones never are. The
 * app's endpoint is disabled, so that no worker touches the deliveries the test ages; a
 * sweep runs first, so that the test's own sweep finds only what the test aged.
 */
@BatonTest
class RetentionTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	TenantManagement tenants;

	@Autowired
	TenantTransactions transactions;

	@Autowired
	DeliveryLog log;

	@Autowired
	TestEvents testEvents;

	@Autowired
	DeliveryRetention retention;

	@Test
	void finishedDeliveriesPastTheRetentionAreRemovedAndWaitingOnesKept() {
		SignedInUser owner = Staff.signedIn(this.context, "Ada " + System.nanoTime());
		CurrentTenant acme = this.tenants.enter(owner, this.tenants.create(owner, "Acme").block()).block();
		AppId app = Fixtures.anAppOf(this.context, acme, "76" + (System.nanoTime() % 10_000_000_000_000L));
		Fixtures.botEndpointOf(this.context, acme, app, "http://127.0.0.1:9/bot");
		disabled(acme, app);
		this.retention.sweep().block();
		long oldDelivered = this.testEvents.send(acme, app).block();
		long oldPending = this.testEvents.send(acme, app).block();
		long recentDelivered = this.testEvents.send(acme, app).block();
		age(acme, oldDelivered, "delivered", 20);
		age(acme, oldPending, "pending", 20);
		age(acme, recentDelivered, "delivered", 3);

		assertThat(this.retention.sweep().block()).isEqualTo(1);

		assertThat(this.log.search(acme.id(), DeliveryQuery.ofApp(app)).map(DeliveryView::id).collectList().block())
			.containsExactly(recentDelivered, oldPending);
	}

	/**
	 * No worker sends to a disabled endpoint, so only the test changes its deliveries.
	 */
	private void disabled(CurrentTenant tenant, AppId app) {
		this.transactions
			.inTenant(tenant.id(),
					(db) -> db
						.sql("INSERT INTO endpoint_states (app_id, tenant_id, disabled_at, disabled_reason)"
								+ " VALUES (:app, :tenant, now(), 'kept still by the test')")
						.bind("app", app.value())
						.bind("tenant", tenant.id().value())
						.fetch()
						.rowsUpdated())
			.block();
	}

	private void age(CurrentTenant tenant, long id, String status, int days) {
		this.transactions
			.inTenant(tenant.id(),
					(db) -> db
						.sql("UPDATE deliveries SET status = :status, updated_at = now() - :days * interval '1 day'"
								+ " WHERE id = :id")
						.bind("status", status)
						.bind("days", days)
						.bind("id", id)
						.fetch()
						.rowsUpdated())
			.block();
	}

}
