package io.baton.delivery;

import java.time.Clock;
import java.util.Map;

import reactor.core.publisher.Mono;

import io.baton.graph.AppId;
import io.baton.platform.NotFound;
import io.baton.platform.Rejected;
import io.baton.tenancy.AuditLog;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.TenantId;
import io.baton.tenancy.TenantTransactions;

import org.springframework.stereotype.Service;

/**
 * An app's bot endpoint as staff see and manage it: its state, what waits for it, and
 * turning it back on after delivery disabled it.
 */
@Service
public class Endpoints {

	private final TenantTransactions transactions;

	private final AuditLog auditLog;

	private final DeliveryWorkers workers;

	private final Clock clock;

	Endpoints(TenantTransactions transactions, AuditLog auditLog, DeliveryWorkers workers, Clock clock) {
		this.transactions = transactions;
		this.auditLog = auditLog;
		this.workers = workers;
		this.clock = clock;
	}

	/** The app's endpoint: its circuit, whether it is disabled, what waits for it. */
	public Mono<EndpointHealth> health(TenantId tenant, AppId app) {
		return this.transactions.inTenant(tenant,
				(db) -> db.sql(DeliveryRows.ENDPOINT)
					.bind("tenant", tenant.value())
					.bind("app", app.value())
					.map((row) -> DeliveryRows.endpoint(row, this.clock.instant()))
					.one()
					.switchIfEmpty(Mono.error(() -> new NotFound("No such app."))));
	}

	/**
	 * Turns a disabled endpoint back on, its circuit closed; what waits goes out at once.
	 * Another tenant's app is not found, as if it did not exist.
	 */
	public Mono<Void> enable(CurrentTenant current, AppId app) {
		current.require(current.role().managesMembers(), "enable bot endpoints");
		return health(current.id(), app)
			.then(this.transactions.inTenant(current.id(),
					(db) -> db.sql(DeliveryRows.ENABLE_ENDPOINT)
						.bind("tenant", current.id().value())
						.bind("app", app.value())
						.fetch()
						.rowsUpdated()
						.flatMap((count) -> (count == 0) ? Mono.error(new Rejected("The endpoint is not disabled."))
								: this.auditLog.record(current, "delivery.endpoint_enabled", app.value(), Map.of()))))
			.doOnSuccess((done) -> this.workers.wakeUp());
	}

}
