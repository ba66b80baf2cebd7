package io.baton.botapi;

import java.util.List;

import com.restfb.DefaultFacebookClient;
import com.restfb.FacebookClient;
import com.restfb.FacebookEndpoints;
import com.restfb.Version;
import org.jspecify.annotations.Nullable;

import io.baton.apps.ApiKeys;
import io.baton.graph.AppId;
import io.baton.graph.PageId;
import io.baton.sandbox.SandboxWorld;
import io.baton.sandbox.messenger.MessengerWorld;
import io.baton.secrets.Secret;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.SignedInUser;
import io.baton.tenancy.TenantManagement;
import io.baton.tenancy.TenantTransactions;
import io.baton.testing.Fixtures;
import io.baton.testing.Staff;
import io.baton.tokens.PageTokens;

import org.springframework.context.ApplicationContext;

/**
 * Fixtures of the bot API in the domain's words: a tenant with apps connected to sandbox
 * pages (the page tokens real ones, issued by the sandbox, so Baton's calls reach it),
 * keys of those apps, and RestFB pointed at Baton's {@code /graph} with a key where a
 * page token would go.
 */
final class BotApiWorld {

	final MessengerWorld sandbox;

	private final ApplicationContext context;

	private final String pageAdmin;

	BotApiWorld(ApplicationContext context) {
		this.context = context;
		this.sandbox = new MessengerWorld(context);
		this.pageAdmin = this.sandbox.aPerson("Page admin");
	}

	CurrentTenant aTenant(String name) {
		SignedInUser owner = Staff.signedIn(this.context, name + " owner " + System.nanoTime());
		TenantManagement tenants = this.context.getBean(TenantManagement.class);
		return tenants.enter(owner, tenants.create(owner, name).block()).block();
	}

	/** A Facebook app in the sandbox, registered in the tenant, with its secret. */
	AppId anApp(CurrentTenant tenant, String name) {
		String id = SandboxWorld.aFreshAppId();
		this.sandbox.sandbox.sql("INSERT INTO sandbox.apps (id, secret, name) VALUES ('" + id + "', '" + secretOf(id)
				+ "', '" + name + "')");
		Fixtures.anAppOf(this.context, tenant, id);
		return new AppId(id);
	}

	/** The secret {@link Fixtures#anAppOf} gives an app. */
	static String secretOf(String appId) {
		return "secret-of-" + appId;
	}

	String aPage(String name) {
		return this.sandbox.aPage(name);
	}

	/**
	 * The app connected to the page in the tenant, with a page token the sandbox issued.
	 */
	void connect(CurrentTenant tenant, AppId app, String page) {
		String token = this.sandbox.pageToken(app.value(), page, this.pageAdmin);
		this.context.getBean(TenantTransactions.class)
			.inTenant(tenant.id(),
					(db) -> db
						.sql("INSERT INTO pages (page_id, tenant_id, name) VALUES (:page, :tenant, 'A page')"
								+ " ON CONFLICT DO NOTHING")
						.bind("page", page)
						.bind("tenant", tenant.id().value())
						.fetch()
						.rowsUpdated())
			.then(this.context.getBean(PageTokens.class)
				.store(tenant, app, new PageId(page), new Secret(token), List.of("pages_messaging"),
						List.of("messages")))
			.block();
	}

	String aKey(CurrentTenant tenant, AppId app, @Nullable String page) {
		return this.context.getBean(ApiKeys.class)
			.create(tenant, app, "bot", (page != null) ? new PageId(page) : null)
			.block()
			.value();
	}

	/** RestFB as a bot uses it, at Baton instead of graph.facebook.com. */
	FacebookClient restFb(String key) {
		return pointedAtBaton(new DefaultFacebookClient(key, Version.LATEST));
	}

	/** RestFB signing each call with {@code appsecret_proof} from {@code appSecret}. */
	FacebookClient restFb(String key, String appSecret) {
		return pointedAtBaton(new DefaultFacebookClient(key, appSecret, Version.LATEST));
	}

	String graphUrl() {
		return "http://localhost:" + this.sandbox.sandbox.port + "/graph";
	}

	private FacebookClient pointedAtBaton(DefaultFacebookClient client) {
		String graph = graphUrl();
		client.setFacebookEndpointUrls(new FacebookEndpoints() {

			@Override
			public String getGraphEndpoint() {
				return graph;
			}

		});
		return client;
	}

	/** A person writes to the page in the simulator; answers their PSID. */
	String aPersonWrites(String page, String name, String text) {
		return this.sandbox.writes(page, this.sandbox.aPerson(name), text);
	}

}
