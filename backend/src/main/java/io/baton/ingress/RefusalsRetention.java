package io.baton.ingress;

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
 * Forgets the refusal counts of minutes longer ago than the retention, tenant by tenant
 * and a bounded number of rows at a time.
 */
@Component
class RefusalsRetention {

	private static final int PER_STATEMENT = 10_000;

	private final TenantTransactions transactions;

	private final RetentionSettings settings;

	private Disposable schedule = () -> {
	};

	RefusalsRetention(TenantTransactions transactions, RetentionSettings settings) {
		this.transactions = transactions;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void startSchedule() {
		this.schedule = Repeating.every(this.settings.maintainEvery(), "Webhook refusals retention", this::sweep);
	}

	@EventListener(ContextClosedEvent.class)
	void stopSchedule() {
		this.schedule.dispose();
	}

	/** Answers how many rows of refusal counts were forgotten. */
	Mono<Long> sweep() {
		return this.transactions.removeInEachTenant(PER_STATEMENT,
				(tenant, db) -> db.sql(IntakeRows.FORGET_REFUSALS)
					.bind("tenant", tenant.value())
					.bind("keepDays", this.settings.keepDays())
					.bind("limit", PER_STATEMENT)
					.fetch()
					.rowsUpdated());
	}

}
