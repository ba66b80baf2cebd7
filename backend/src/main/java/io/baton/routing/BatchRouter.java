package io.baton.routing;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import io.baton.graph.AppId;
import io.baton.tenancy.AuditLog;
import io.baton.tenancy.TenantId;
import io.baton.tenancy.TenantTransactions;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Routes the unrouted batches of one app in one transaction: claims them, drops events
 * already seen, keeps what the events tell about contacts, and queues one delivery per
 * new event, in the order Facebook sent them; then marks the batches routed. A failure
 * undoes all of it and the batches wait for the next try. The batches of an app (or
 * tenant) deleted before they were routed are marked discarded instead: nothing of them
 * can be kept, and retrying them would hold up everyone else's.
 */
@Component
class BatchRouter {

	private static final Logger logger = LoggerFactory.getLogger(BatchRouter.class);

	private final TenantTransactions transactions;

	private final ContactFacts contactFacts;

	private final RoutingSettings settings;

	private final AuditLog auditLog;

	BatchRouter(TenantTransactions transactions, ContactFacts contactFacts, RoutingSettings settings,
			AuditLog auditLog) {
		this.transactions = transactions;
		this.contactFacts = contactFacts;
		this.settings = settings;
		this.auditLog = auditLog;
	}

	/** Routes the next app's waiting batches; empty when none wait. */
	Mono<Routed> routeNext() {
		return this.transactions.claimThenInTenant(this::claim, (batches) -> batches.get(0).tenant(), this::route);
	}

	private Mono<List<StoredBatch>> claim(DatabaseClient db) {
		return db.sql(RoutingRows.CLAIM_BATCHES)
			.bind("limit", this.settings.batchesPerClaim())
			.map((row) -> new StoredBatch(row.get("id", Long.class), row.get("received_at", Instant.class),
					new TenantId(row.get("tenant_id", UUID.class)), new AppId(row.get("app_id", String.class)),
					bytes(row.get("body", ByteBuffer.class))))
			.all()
			.collectList()
			.filter((batches) -> !batches.isEmpty());
	}

	private Mono<Routed> route(DatabaseClient db, List<StoredBatch> batches) {
		TenantId tenant = batches.get(0).tenant();
		AppId app = batches.get(0).app();
		return destination(db, tenant, app).flatMap((destination) -> switch (destination) {
			case BOT, NO_BOT -> routeEvents(db, tenant, app, batches, destination == Destination.BOT);
			case APP_DELETED, TENANT_DELETED -> discard(db, tenant, app, batches, destination);
		});
	}

	private Mono<Destination> destination(DatabaseClient db, TenantId tenant, AppId app) {
		return db.sql(RoutingRows.DESTINATION)
			.bind("tenant", tenant.value())
			.bind("app", app.value())
			.map((row) -> Destination.of(Boolean.TRUE.equals(row.get("tenant_exists", Boolean.class)),
					row.get("has_endpoint", Boolean.class)))
			.one();
	}

	private Mono<Routed> routeEvents(DatabaseClient db, TenantId tenant, AppId app, List<StoredBatch> batches,
			boolean hasEndpoint) {
		Map<String, Routable> byKey = new LinkedHashMap<>();
		for (StoredBatch batch : batches) {
			for (Event event : eventsOf(batch)) {
				byKey.putIfAbsent(event.dedupeKey(), new Routable(batch, event));
			}
		}
		return unseen(db, tenant, app, byKey).flatMap((fresh) -> queue(db, tenant, app, fresh, hasEndpoint)
			.then(this.contactFacts.keep(db, tenant, app, fresh.stream().map(Routable::event).toList()))
			.then(mark(db, RoutingRows.MARK_ROUTED, tenant, app, batches))
			.thenReturn(new Routed(app, batches, fresh.size(), byKey.size() - fresh.size(), false)));
	}

	private Mono<Routed> discard(DatabaseClient db, TenantId tenant, AppId app, List<StoredBatch> batches,
			Destination destination) {
		logger.info("Discarding {} batches of app {} of tenant {}: the {} was deleted before they were routed",
				batches.size(), app, tenant, (destination == Destination.TENANT_DELETED) ? "tenant" : "app");
		Mono<Void> audit = (destination == Destination.APP_DELETED) ? this.auditLog.recordBySystem(tenant,
				"app.batches_discarded", app.value(), Map.of("batches", batches.size())) : Mono.empty();
		return mark(db, RoutingRows.MARK_DISCARDED, tenant, app, batches).then(audit)
			.thenReturn(new Routed(app, batches, 0, 0, true));
	}

	private List<Event> eventsOf(StoredBatch batch) {
		try {
			return Batches.events(batch.body());
		}
		catch (RuntimeException ex) {
			// Intake only stores well-formed batches; one that still fails to read must
			// not
			// hold up the app's other batches.
			logger.warn("Batch {} of app {} could not be read; it is marked routed without events", batch.id(),
					batch.app(), ex);
			return List.of();
		}
	}

	/** The events not routed before, in order. */
	private Mono<List<Routable>> unseen(DatabaseClient db, TenantId tenant, AppId app, Map<String, Routable> byKey) {
		if (byKey.isEmpty()) {
			return Mono.just(List.of());
		}
		List<Object[]> rows = byKey.keySet()
			.stream()
			.map((key) -> new Object[] { tenant.value(), app.value(), key })
			.toList();
		return RoutingRows.SEEN.run(db, rows, (row) -> row.get("key", String.class))
			.collect(Collectors.toSet())
			.map((Set<String> fresh) -> byKey.values()
				.stream()
				.filter((routable) -> fresh.contains(routable.event().dedupeKey()))
				.toList());
	}

	private Mono<Long> queue(DatabaseClient db, TenantId tenant, AppId app, List<Routable> fresh, boolean hasEndpoint) {
		List<Object[]> rows = new ArrayList<>(fresh.size());
		for (Routable routable : fresh) {
			Event event = routable.event();
			rows.add(new Object[] { tenant.value(), app.value(), event.page().value(),
					(event.psid() != null) ? event.psid().value() : null, event.lane(app), event.field(), event.type(),
					event.mid(), event.at(), routable.batch().id(), routable.batch().receivedAt(),
					ByteBuffer.wrap(event.payload()), hasEndpoint ? "pending" : "skipped",
					hasEndpoint ? null : "The app has no bot endpoint" });
		}
		return rows.isEmpty() ? Mono.just(0L) : RoutingRows.DELIVERIES.run(db, rows);
	}

	private Mono<Long> mark(DatabaseClient db, String sql, TenantId tenant, AppId app, List<StoredBatch> batches) {
		Instant oldest = batches.stream().map(StoredBatch::receivedAt).min(Comparator.naturalOrder()).orElseThrow();
		return db.sql(sql)
			.bind("tenant", tenant.value())
			.bind("app", app.value())
			.bind("ids", batches.stream().map(StoredBatch::id).toArray(Long[]::new))
			.bind("oldest", oldest)
			.fetch()
			.rowsUpdated();
	}

	private static byte[] bytes(ByteBuffer buffer) {
		byte[] bytes = new byte[buffer.remaining()];
		buffer.get(bytes);
		return bytes;
	}

	/** An event and the batch it came in. */
	record Routable(StoredBatch batch, Event event) {
	}

	/**
	 * What one routing transaction did: queued events and dropped duplicates, or
	 * discarded the batches of a deleted app.
	 */
	record Routed(AppId app, List<StoredBatch> batches, int queued, int duplicates, boolean discarded) {
	}

	/** Where the batches' events go, if anywhere. */
	enum Destination {

		BOT, NO_BOT, APP_DELETED, TENANT_DELETED;

		static Destination of(boolean tenantExists, @Nullable Boolean hasEndpoint) {
			if (!tenantExists) {
				return TENANT_DELETED;
			}
			if (hasEndpoint == null) {
				return APP_DELETED;
			}
			return hasEndpoint ? BOT : NO_BOT;
		}

	}

}
