package io.baton.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the daily partitions of raw webhook batches and delivery attempts: days ahead
 * created before they are needed, days past the retention dropped whole (no row-by-row
 * delete).
 */
@Component
class DailyPartitions {

	private static final Logger logger = LoggerFactory.getLogger(DailyPartitions.class);

	private final DatabaseClient database;

	private final RetentionSettings settings;

	private Disposable schedule = () -> {
	};

	DailyPartitions(DatabaseClient database, RetentionSettings settings) {
		this.database = database;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void startSchedule() {
		maintain().subscribe(null, (ex) -> logger.warn("Could not maintain the daily partitions", ex));
		this.schedule = Repeating.every(this.settings.maintainEvery(), "Daily partition upkeep", this::maintain);
	}

	@EventListener(ContextClosedEvent.class)
	void stopSchedule() {
		this.schedule.dispose();
	}

	/**
	 * Creates the partitions ahead and drops the expired ones; answers how many were
	 * dropped.
	 */
	Mono<Integer> maintain() {
		return this.database.sql("SELECT maintain_daily_partitions(:ahead, :keep)")
			.bind("ahead", this.settings.daysAhead())
			.bind("keep", this.settings.keepDays())
			.map((row) -> row.get(0, Integer.class))
			.one()
			.doOnNext((dropped) -> {
				if (dropped > 0) {
					logger.info("Dropped {} daily partitions older than {} days", dropped, this.settings.keepDays());
				}
			});
	}

}
