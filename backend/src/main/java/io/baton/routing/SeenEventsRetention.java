package io.baton.routing;

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
 * Forgets the events seen longer ago than the retention, tenant by tenant and a bounded
 * number at a time. Facebook retries a batch for a day at most, well within the retention
 * (14 days by default), so its duplicates are still dropped.
 */
@Component
class SeenEventsRetention {

	private static final int PER_STATEMENT = 10_000;

	private final TenantTransactions transactions;

	private final RetentionSettings settings;

	private Disposable schedule = () -> {
	};

	SeenEventsRetention(TenantTransactions transactions, RetentionSettings settings) {
		this.transactions = transactions;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void startSchedule() {
		this.schedule = Repeating.every(this.settings.maintainEvery(), "Seen events retention", this::sweep);
	}

	@EventListener(ContextClosedEvent.class)
	void stopSchedule() {
		this.schedule.dispose();
	}

	/** Answers how many seen events were forgotten. */
	Mono<Long> sweep() {
		return this.transactions.removeInEachTenant(PER_STATEMENT,
				(tenant, db) -> db.sql(RoutingRows.FORGET_SEEN_EVENTS)
					.bind("tenant", tenant.value())
					.bind("keepDays", this.settings.keepDays())
					.bind("limit", PER_STATEMENT)
					.fetch()
					.rowsUpdated());
	}

}
