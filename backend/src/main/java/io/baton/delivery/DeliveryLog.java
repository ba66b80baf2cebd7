package io.baton.delivery;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baton.platform.Filters;
import io.baton.platform.NotFound;
import io.baton.tenancy.TenantId;
import io.baton.tenancy.TenantTransactions;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * The delivery log as staff (or a bot's automation, through an API key) read it: a page
 * of deliveries by filter, or one delivery with every attempt. What they do with it is
 * {@link Replays}, {@link TestEvents} and {@link Endpoints}.
 */
@Service
public class DeliveryLog {

	private final TenantTransactions transactions;

	DeliveryLog(TenantTransactions transactions) {
		this.transactions = transactions;
	}

	/** One page of deliveries matching the query, newest first. */
	public Flux<DeliveryView> search(TenantId tenant, DeliveryQuery query) {
		Filters filters = Filters.where("tenant_id = :tenant", "tenant", tenant.value())
			.and("app_id = :app", "app", (query.app() != null) ? query.app().value() : null)
			.and("page_id = :page", "page", (query.page() != null) ? query.page().value() : null)
			.and("psid = :psid", "psid", (query.psid() != null) ? query.psid().value() : null)
			.and("mid = :mid", "mid", query.mid())
			.and("status = :status", "status", (query.status() != null) ? query.status().value() : null)
			.and("created_at >= :from", "from", query.from())
			.and("created_at < :until", "until", query.until())
			.and("id < :before", "before", query.before());
		return this.transactions.inTenantMany(tenant,
				(db) -> filters.bind(db.sql(DeliveryRows.SEARCH.formatted(filters.clause())))
					.bind("limit", query.limit())
					.map((row) -> DeliveryRows.view(row, null))
					.all());
	}

	/** One delivery with its payload (tokens redacted) and every attempt. */
	public Mono<DeliveryView> find(TenantId tenant, long id) {
		return this.transactions.inTenant(tenant,
				(db) -> db.sql(DeliveryRows.FIND)
					.bind("tenant", tenant.value())
					.bind("id", id)
					.map((row) -> DeliveryRows.view(row, DeliveryRows.payload(row)))
					.one()
					.switchIfEmpty(Mono.error(() -> new NotFound("No such delivery.")))
					.flatMap((found) -> attempts(db, tenant, id).collectList().map(found::withAttempts)));
	}

	private Flux<DeliveryView.Attempt> attempts(DatabaseClient db, TenantId tenant, long id) {
		return db.sql(DeliveryRows.ATTEMPTS)
			.bind("tenant", tenant.value())
			.bind("id", id)
			.map(DeliveryRows::attempt)
			.all();
	}

}
