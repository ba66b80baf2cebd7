package io.baton.platform;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The database part of {@code /actuator/health}: one {@code SELECT 1} that must answer
 * within two seconds. Spring Boot's own check waits as long as the connection does, so a
 * database behind a network that drops packets left health hanging instead of DOWN.
 */
@Component("db")
class DatabaseHealth implements ReactiveHealthIndicator {

	static final Duration PATIENCE = Duration.ofSeconds(2);

	private final DatabaseClient database;

	DatabaseHealth(DatabaseClient database) {
		this.database = database;
	}

	@Override
	public Mono<Health> health() {
		return this.database.sql("SELECT 1")
			.fetch()
			.rowsUpdated()
			.then(Mono.fromSupplier(() -> Health.up().build()))
			.timeout(PATIENCE)
			.onErrorResume(TimeoutException.class,
					(ex) -> Mono.just(Health.down().withDetail("error", "no answer within " + PATIENCE).build()))
			.onErrorResume((ex) -> Mono.just(Health.down().withDetail("error", ex.getClass().getSimpleName()).build()));
	}

}
