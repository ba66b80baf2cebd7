package io.baton.routing;

import reactor.core.publisher.Mono;

import io.baton.secrets.Resealable;
import io.baton.secrets.SecretBox;
import io.baton.tenancy.TenantId;
import io.baton.tenancy.TenantTransactions;

import org.springframework.stereotype.Service;

/**
 * Key rotation for the notification tokens routing keeps: re-seals those sealed with an
 * older key.
 */
@Service
class NotificationTokenSeals implements Resealable {

	private final TenantTransactions transactions;

	private final SecretBox secrets;

	NotificationTokenSeals(TenantTransactions transactions, SecretBox secrets) {
		this.transactions = transactions;
		this.secrets = secrets;
	}

	@Override
	public String what() {
		return "notification tokens";
	}

	@Override
	public Mono<Long> reseal(TenantId tenant) {
		return this.transactions.inTenant(tenant,
				(db) -> db.sql(RoutingRows.SEALED_NOTIFICATION_TOKENS)
					.bind("tenant", tenant.value())
					.map((row) -> new Sealed(row.get("id", Long.class), row.get("page_id", String.class),
							row.get("token_sealed", String.class)))
					.all()
					.filter((sealed) -> this.secrets.needsRotation(sealed.value()))
					.concatMap((sealed) -> {
						String context = ContactFacts.tokenContext(sealed.pageId());
						return db.sql(RoutingRows.RESEAL_NOTIFICATION_TOKEN)
							.bind("sealed", this.secrets.seal(this.secrets.open(sealed.value(), context), context))
							.bind("id", sealed.id())
							.fetch()
							.rowsUpdated();
					})
					.count());
	}

	private record Sealed(long id, String pageId, String value) {
	}

}
