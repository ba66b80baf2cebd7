package io.baton.testing;

import java.util.List;
import java.util.UUID;

import io.baton.graph.AppId;
import io.baton.graph.PageId;
import io.baton.secrets.Secret;
import io.baton.secrets.SecretBox;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.TenantTransactions;
import io.baton.tokens.PageTokens;

import org.springframework.context.ApplicationContext;

/** Rows a test needs that would otherwise take a whole flow (and Facebook) to make. */
public final class Fixtures {

	private Fixtures() {
	}

	/**
	 * An app of the tenant, stored as registration would store it, without asking Graph.
	 */
	public static AppId anAppOf(ApplicationContext context, CurrentTenant tenant, String appId) {
		AppId app = new AppId(appId);
		String sealed = context.getBean(SecretBox.class).seal(new Secret("secret-of-" + appId), "app-secret:" + appId);
		context.getBean(TenantTransactions.class)
			.inTenant(tenant.id(),
					(db) -> db
						.sql("INSERT INTO apps (app_id, tenant_id, name, secret_sealed, secret_hint, verify_token)"
								+ " VALUES (:app, :tenant, :name, :sealed, '…" + appId.substring(appId.length() - 4)
								+ "', :verify)")
						.bind("app", appId)
						.bind("tenant", tenant.id().value())
						.bind("name", tenant.name().split(" ")[0] + "'s app")
						.bind("sealed", sealed)
						.bind("verify", UUID.randomUUID().toString())
						.fetch()
						.rowsUpdated())
			.block();
		return app;
	}

	/** Points the app's bot endpoint at {@code url}. */
	public static void botEndpointOf(ApplicationContext context, CurrentTenant tenant, AppId app, String url) {
		context.getBean(TenantTransactions.class)
			.inTenant(tenant.id(),
					(db) -> db.sql("UPDATE apps SET bot_endpoint = :url WHERE app_id = :app")
						.bind("url", url)
						.bind("app", app.value())
						.fetch()
						.rowsUpdated())
			.block();
	}

	/** A page of the tenant connected to the app, stored as onboarding would store it. */
	public static PageId aPageOf(ApplicationContext context, CurrentTenant tenant, AppId app, String pageId) {
		PageId page = new PageId(pageId);
		context.getBean(TenantTransactions.class)
			.inTenant(tenant.id(),
					(db) -> db.sql("INSERT INTO pages (page_id, tenant_id, name) VALUES (:page, :tenant, :name)")
						.bind("page", pageId)
						.bind("tenant", tenant.id().value())
						.bind("name", tenant.name().split(" ")[0] + "'s page")
						.fetch()
						.rowsUpdated())
			.then(context.getBean(PageTokens.class)
				.store(tenant, app, page, new Secret("page-token-" + pageId), List.of("pages_messaging"),
						List.of("messages")))
			.block();
		return page;
	}

}
