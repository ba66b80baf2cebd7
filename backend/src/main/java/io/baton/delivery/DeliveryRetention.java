package io.baton.delivery;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import io.baton.platform.Repeating;
import io.baton.platform.RetentionSettings;
import io.baton.tenancy.TenantTransactions;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Removes finished deliveries (delivered, dead, skipped) older than the retention, tenant
 * by tenant and a bounded number at a time; their attempts go with the daily partitions.
 * Pending deliveries are never removed.
 */
@Component
class DeliveryRetention {

	private static final int PER_STATEMENT = 10_000;

	private final TenantTransactions transactions;

	private final RetentionSettings settings;

	private Disposable schedule = () -> {
	};

	DeliveryRetention(TenantTransactions transactions, RetentionSettings settings) {
		this.transactions = transactions;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void startSchedule() {
		this.schedule = Repeating.every(this.settings.maintainEvery(), "Delivery retention", this::sweep);
	}

	@EventListener(ContextClosedEvent.class)
	void stopSchedule() {
		this.schedule.dispose();
	}

	/** Answers how many deliveries were removed. */
	Mono<Long> sweep() {
		return this.transactions.removeInEachTenant(PER_STATEMENT,
				(tenant, db) -> db.sql(WorkRows.REMOVE_FINISHED)
					.bind("tenant", tenant.value())
					.bind("keepDays", this.settings.keepDays())
					.bind("limit", PER_STATEMENT)
					.fetch()
					.rowsUpdated());
	}

}
