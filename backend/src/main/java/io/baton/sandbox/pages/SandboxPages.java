package io.baton.sandbox.pages;

import java.util.Arrays;
import java.util.List;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.accounts.SandboxPage;
import io.baton.sandbox.graph.TokenEvents;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The sandbox's pages, the people with a role on each (and the tasks it gives them) and
 * the handover roles of apps on each.
 */
@Component
@ConditionalOnSandbox
public class SandboxPages {

	/** What a role gives unless told otherwise: everything, as for an admin. */
	public static final List<String> ALL_TASKS = List.of("ADVERTISE", "ANALYZE", "CREATE_CONTENT", "MESSAGING",
			"MODERATE", "MANAGE");

	/** Handover roles of an app on a page. */
	public static final List<String> APP_ROLES = List.of("primary_receiver", "secondary_receiver");

	private final DatabaseClient database;

	private final TokenEvents events;

	SandboxPages(DatabaseClient database, TokenEvents events) {
		this.database = database;
		this.events = events;
	}

	public Mono<SandboxPage> create(String name, String category) {
		return this.database.sql(PageRows.INSERT_PAGE)
			.bind("name", name.strip())
			.bind("category", category.strip())
			.map(SandboxPages::page)
			.one();
	}

	public Mono<SandboxPage> find(String id) {
		return this.database.sql(PageRows.FIND_PAGE).bind("id", id).map(SandboxPages::page).one();
	}

	/** Every page, oldest first (a bounded list for the console). */
	public Flux<SandboxPage> all() {
		return this.database.sql(PageRows.PAGES).map(SandboxPages::page).all();
	}

	/** Gives the person a role on the page with these tasks (or changes its tasks). */
	public Mono<Void> giveRole(String pageId, String userId, List<String> tasks) {
		return this.database.sql(PageRows.GIVE_ROLE)
			.bind("page", pageId)
			.bind("user", userId)
			.bind("tasks", tasks.toArray(String[]::new))
			.then();
	}

	/**
	 * The person loses their role: the page leaves their {@code /me/accounts} and their
	 * tokens of it die. Empty when they had none.
	 */
	public Mono<Long> takeRole(String pageId, String userId) {
		return this.database.sql(PageRows.TAKE_ROLE)
			.bind("page", pageId)
			.bind("user", userId)
			.fetch()
			.rowsUpdated()
			.filter((deleted) -> deleted > 0)
			.flatMap((deleted) -> this.events.pageRoleLost(pageId, userId).thenReturn(deleted));
	}

	/** Who has a role on the page, as (person id, tasks). */
	public Flux<Role> roles(String pageId) {
		return this.database.sql(PageRows.ROLES)
			.bind("page", pageId)
			.map((row) -> new Role(row.get("user_id", String.class), row.get("name", String.class),
					tasks(row.get("tasks", String[].class))))
			.all();
	}

	/**
	 * Sets the app's handover role on the page; a new primary receiver demotes the old
	 * one to secondary.
	 */
	public Mono<Void> setAppRole(String pageId, String appId, String role) {
		Mono<Void> demote = "primary_receiver".equals(role)
				? this.database.sql(PageRows.DEMOTE_PRIMARY).bind("page", pageId).bind("app", appId).then()
				: Mono.empty();
		return demote.then(this.database.sql(PageRows.SET_APP_ROLE)
			.bind("page", pageId)
			.bind("app", appId)
			.bind("role", role)
			.then());
	}

	public Mono<Long> removeAppRole(String pageId, String appId) {
		return this.database.sql(PageRows.DELETE_APP_ROLE)
			.bind("page", pageId)
			.bind("app", appId)
			.fetch()
			.rowsUpdated();
	}

	/** The handover roles on the page, as (app id, role). */
	public Flux<AppRole> appRoles(String pageId) {
		return this.database.sql(PageRows.APP_ROLES)
			.bind("page", pageId)
			.map((row) -> new AppRole(row.get("app_id", String.class), row.get("role", String.class)))
			.all();
	}

	private static List<String> tasks(String[] tasks) {
		return (tasks != null) ? Arrays.asList(tasks) : List.of();
	}

	private static SandboxPage page(Readable row) {
		return new SandboxPage(row.get("id", String.class), row.get("name", String.class),
				row.get("category", String.class));
	}

	/** A person's role on a page. */
	public record Role(String userId, String name, List<String> tasks) {

	}

	/** An app's handover role on a page. */
	public record AppRole(String appId, String role) {

	}

}
