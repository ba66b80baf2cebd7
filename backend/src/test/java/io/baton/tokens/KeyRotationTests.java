package io.baton.tokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.baton.apps.Apps;
import io.baton.graph.AppId;
import io.baton.graph.PageId;
import io.baton.secrets.EncryptionSettings;
import io.baton.secrets.KeyRotation;
import io.baton.secrets.Secret;
import io.baton.secrets.SecretBox;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.SignedInUser;
import io.baton.tenancy.TenantManagement;
import io.baton.tenancy.TenantTransactions;
import io.baton.testing.BatonTest;
import io.baton.testing.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * After the key changes (the old one kept as a previous key), the rotation command seals
 * every app secret and page token again with the new key, and both still open to the same
 * values. The shared test configuration keeps a retired key, {@value #RETIRED_KEY_ID},
 * beside the current one (baton-test.properties).
 */
@BatonTest
class KeyRotationTests {

	static final String RETIRED_KEY_ID = "k1";

	@Autowired
	ApplicationContext context;

	@Autowired
	EncryptionSettings encryption;

	@Autowired
	KeyRotation rotation;

	@Autowired
	TenantTransactions transactions;

	@Autowired
	Apps apps;

	@Autowired
	PageTokens tokens;

	@Test
	void resealsWhatTheOldKeySealedAndEverythingStillOpens() {
		CurrentTenant acme = aTenant();
		SecretBox oldBox = new SecretBox(new EncryptionSettings(this.encryption.previousKeys().get(RETIRED_KEY_ID),
				RETIRED_KEY_ID, Map.of(), false));
		String current = this.encryption.keyId() + ":";
		AppId app = new AppId("5500000000000001");
		PageId page = new PageId("5500000000000002");
		sealedWithTheOldKey(acme, app, page, oldBox);

		KeyRotation.Counts counts = this.rotation.resealAll().block();

		assertThat(counts.of("app secrets")).isEqualTo(1);
		assertThat(counts.of("page tokens")).isEqualTo(1);
		assertThat(counts.of("notification tokens")).isZero();
		assertThat(stored(acme, "SELECT secret_sealed FROM apps")).startsWith(current);
		assertThat(stored(acme, "SELECT token_sealed FROM page_connections")).startsWith(current);
		assertThat(this.apps.secret(acme, app).block().value()).isEqualTo("the-app-secret");
		assertThat(this.tokens.tokenFor(acme.id(), app, page).block().value()).isEqualTo("the-page-token");
		assertThat(this.rotation.resealAll().block().byKind()).as("nothing left to re-seal")
			.containsOnly(entry("app secrets", 0L), entry("page tokens", 0L), entry("notification tokens", 0L));
	}

	private CurrentTenant aTenant() {
		SignedInUser owner = Staff.signedIn(this.context, "Kim Keys");
		TenantManagement tenants = this.context.getBean(TenantManagement.class);
		return tenants.enter(owner, tenants.create(owner, "Acme").block()).block();
	}

	private void sealedWithTheOldKey(CurrentTenant tenant, AppId app, PageId page, SecretBox oldBox) {
		this.transactions
			.inTenant(tenant.id(),
					(db) -> db
						.sql("INSERT INTO apps (app_id, tenant_id, name, secret_sealed, secret_hint, verify_token)"
								+ " VALUES (:app, :tenant, 'App', :sealed, '…cret', :verify)")
						.bind("app", app.value())
						.bind("tenant", tenant.id().value())
						.bind("sealed", oldBox.seal(new Secret("the-app-secret"), "app-secret:" + app.value()))
						.bind("verify", UUID.randomUUID().toString())
						.fetch()
						.rowsUpdated()
						.then(db.sql("INSERT INTO pages (page_id, tenant_id, name) VALUES (:page, :tenant, 'Page')")
							.bind("page", page.value())
							.bind("tenant", tenant.id().value())
							.fetch()
							.rowsUpdated())
						.then(db
							.sql("INSERT INTO page_connections (tenant_id, app_id, page_id, token_sealed, scopes)"
									+ " VALUES (:tenant, :app, :page, :sealed, :scopes)")
							.bind("tenant", tenant.id().value())
							.bind("app", app.value())
							.bind("page", page.value())
							.bind("sealed", oldBox.seal(new Secret("the-page-token"), PageTokens.context(app, page)))
							.bind("scopes", List.of("pages_messaging").toArray(String[]::new))
							.fetch()
							.rowsUpdated()))
			.block();
	}

	private String stored(CurrentTenant tenant, String query) {
		return this.transactions
			.inTenant(tenant.id(), (db) -> db.sql(query).map((row) -> row.get(0, String.class)).one())
			.block();
	}

}
