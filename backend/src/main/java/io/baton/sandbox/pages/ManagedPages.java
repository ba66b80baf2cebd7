package io.baton.sandbox.pages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import io.baton.sandbox.ConditionalOnSandbox;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The pages a person granted an app and still has a role on, in id order, one window at a
 * time.
 */
@Component
@ConditionalOnSandbox
class ManagedPages {

	private final DatabaseClient database;

	ManagedPages(DatabaseClient database) {
		this.database = database;
	}

	Mono<Slice> window(String appId, String userId, PageWindow window) {
		if (window.before() != null) {
			return backwards(appId, userId, window.before(), window.limit());
		}
		String after = (window.after() != null) ? window.after() : "";
		return this.database.sql(PageRows.MANAGED_AFTER)
			.bind("app", appId)
			.bind("user", userId)
			.bind("after", after)
			.bind("limit", window.limit() + 1)
			.map(ManagedPages::managed)
			.all()
			.collectList()
			.map((found) -> new Slice(found.subList(0, Math.min(found.size(), window.limit())), !after.isEmpty(),
					found.size() > window.limit()));
	}

	private Mono<Slice> backwards(String appId, String userId, String before, int limit) {
		return this.database.sql(PageRows.MANAGED_BEFORE)
			.bind("app", appId)
			.bind("user", userId)
			.bind("before", before)
			.bind("limit", limit + 1)
			.map(ManagedPages::managed)
			.all()
			.collectList()
			.map((found) -> {
				List<Managed> pages = new ArrayList<>(found.subList(0, Math.min(found.size(), limit)));
				Collections.reverse(pages);
				return new Slice(pages, found.size() > limit, true);
			});
	}

	private static Managed managed(Readable row) {
		String[] tasks = row.get("tasks", String[].class);
		return new Managed(row.get("id", String.class), row.get("name", String.class),
				row.get("category", String.class), (tasks != null) ? Arrays.asList(tasks) : List.of());
	}

	/** A page the person manages, with the tasks their role gives. */
	record Managed(String id, String name, String category, List<String> tasks) {

	}

	/** One window of pages, and whether there are more on either side. */
	record Slice(List<Managed> pages, boolean moreBefore, boolean moreAfter) {

	}

}
