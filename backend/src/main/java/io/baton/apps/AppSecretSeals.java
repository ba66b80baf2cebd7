package io.baton.apps;

import java.util.Map;

import reactor.core.publisher.Mono;

import io.baton.graph.AppId;
import io.baton.secrets.Resealable;
import io.baton.secrets.SecretBox;
import io.baton.tenancy.TenantId;
import io.baton.tenancy.TenantTransactions;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Key rotation for the app secrets the apps module keeps: each secret sealed with an
 * older key is sealed again with the current one.
 */
@Component
class AppSecretSeals implements Resealable {

	private final TenantTransactions transactions;

	private final SecretBox secrets;

	AppSecretSeals(TenantTransactions transactions, SecretBox secrets) {
		this.transactions = transactions;
		this.secrets = secrets;
	}

	@Override
	public String what() {
		return "app secrets";
	}

	@Override
	public Mono<Long> reseal(TenantId tenant) {
		return this.transactions.inTenant(tenant, (db) -> db.sql(AppRows.SECRETS_TO_RESEAL)
			.bind("tenant", tenant.value())
			.map((row) -> Map.entry(new AppId(row.get("app_id", String.class)), row.get("secret_sealed", String.class)))
			.all()
			.filter((sealed) -> this.secrets.needsRotation(sealed.getValue()))
			.concatMap((sealed) -> reseal(db, tenant, sealed.getKey(), sealed.getValue()))
			.count());
	}

	private Mono<Long> reseal(DatabaseClient db, TenantId tenant, AppId app, String sealed) {
		String context = Apps.secretContext(app);
		return db.sql(AppRows.RESEAL)
			.bind("sealed", this.secrets.seal(this.secrets.open(sealed, context), context))
			.bind("tenant", tenant.value())
			.bind("app", app.value())
			.fetch()
			.rowsUpdated();
	}

}
