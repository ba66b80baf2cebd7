package io.baton.sandbox.console;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.RandomTokens;
import io.baton.sandbox.accounts.SandboxApp;
import io.baton.sandbox.accounts.SandboxApps;
import io.baton.sandbox.accounts.SandboxPage;
import io.baton.sandbox.accounts.SandboxUser;
import io.baton.sandbox.accounts.SandboxUsers;
import io.baton.sandbox.pages.SandboxPages;
import io.baton.sandbox.subscriptions.Subscriptions;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The sandbox's world as the console shapes it: people, pages with their roles and
 * subscribed apps, apps with their subscriptions. Both the JSON API and the HTML console
 * go through here, so both validate alike.
 */
@Component
@ConditionalOnSandbox
class World {

	private final SandboxUsers users;

	private final SandboxPages pages;

	private final SandboxApps apps;

	private final Subscriptions subscriptions;

	World(SandboxUsers users, SandboxPages pages, SandboxApps apps, Subscriptions subscriptions) {
		this.users = users;
		this.pages = pages;
		this.apps = apps;
		this.subscriptions = subscriptions;
	}

	Mono<Map<String, Object>> createUser(String name) {
		return this.users.create(name(name, 80, "name")).map(World::shown);
	}

	Flux<Map<String, Object>> users() {
		return this.users.all().map(World::shown);
	}

	Mono<SandboxUser> user(String id) {
		return this.users.find(id).switchIfEmpty(Mono.error(() -> WorldRefused.notFound("person", id)));
	}

	Mono<Map<String, Object>> createPage(String name, @Nullable String category, List<String> admins) {
		String pageName = name(name, 100, "name");
		String pageCategory = (category != null && !category.isBlank()) ? name(category, 100, "category")
				: "Local business";
		return Flux.fromIterable(admins)
			.concatMap(this::user)
			.collectList()
			.flatMap((people) -> this.pages.create(pageName, pageCategory)
				.flatMap((page) -> Flux.fromIterable(people)
					.concatMap((person) -> this.pages.giveRole(page.id(), person.id(), SandboxPages.ALL_TASKS))
					.then(page(page))));
	}

	Flux<Map<String, Object>> pages() {
		return this.pages.all().concatMap(this::page);
	}

	Mono<SandboxPage> existingPage(String id) {
		return this.pages.find(id).switchIfEmpty(Mono.error(() -> WorldRefused.notFound("page", id)));
	}

	Mono<Void> giveRole(String pageId, String userId, List<String> tasks) {
		List<String> given = tasks.isEmpty() ? SandboxPages.ALL_TASKS : tasks;
		given.stream().filter((task) -> !SandboxPages.ALL_TASKS.contains(task)).findFirst().ifPresent((task) -> {
			throw WorldRefused.badInput("Unknown task " + task + ", known: " + SandboxPages.ALL_TASKS);
		});
		return existingPage(pageId).then(user(userId)).then(this.pages.giveRole(pageId, userId, given));
	}

	Mono<Long> takeRole(String pageId, String userId) {
		return existingPage(pageId).then(this.pages.takeRole(pageId, userId))
			.switchIfEmpty(Mono.error(() -> WorldRefused.notFound("role on page " + pageId + " for person", userId)));
	}

	Mono<Void> setAppRole(String pageId, String appId, String role) {
		if (!SandboxPages.APP_ROLES.contains(role)) {
			throw WorldRefused.badInput("Field role must be one of " + SandboxPages.APP_ROLES);
		}
		return existingPage(pageId).then(this.pages.setAppRole(pageId, appId, role));
	}

	Mono<Long> removeAppRole(String pageId, String appId) {
		return existingPage(pageId).then(this.pages.removeAppRole(pageId, appId));
	}

	Mono<Map<String, Object>> createApp(@Nullable String id, String name, @Nullable String secret,
			List<String> redirectUris, boolean proofRequired, @Nullable String category, @Nullable String link) {
		String appId = (id != null && !id.isBlank()) ? id.strip()
				: Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L, 10_000_000_000_000_000L));
		if (!appId.matches("[0-9]{1,20}")) {
			throw WorldRefused.badInput("Field id must be numeric (up to 20 digits)");
		}
		redirectUris.forEach(World::checkUrl);
		String appSecret = (secret != null && !secret.isBlank()) ? secret.strip() : RandomTokens.next("", 32);
		SandboxApp app = new SandboxApp(appId, appSecret, name(name, 100, "name"), redirectUris, proofRequired,
				blankToNull(category), blankToNull(link));
		return this.apps.create(app)
			.switchIfEmpty(Mono.error(() -> WorldRefused.conflict("An app with id " + appId + " exists already")))
			.flatMap((created) -> app(created).map((shown) -> {
				shown.put("secret", created.secret());
				return shown;
			}));
	}

	Flux<Map<String, Object>> apps() {
		return this.apps.all().concatMap(this::app);
	}

	Mono<SandboxApp> existingApp(String id) {
		return this.apps.find(id).switchIfEmpty(Mono.error(() -> WorldRefused.notFound("app", id)));
	}

	private Mono<Map<String, Object>> page(SandboxPage page) {
		return this.pages.roles(page.id())
			.map((role) -> ordered("user_id", role.userId(), "name", role.name(), "tasks", role.tasks()))
			.collectList()
			.zipWith(this.pages.appRoles(page.id())
				.map((role) -> ordered("app_id", role.appId(), "role", role.role()))
				.collectList())
			.zipWith(this.subscriptions.ofPage(page.id())
				.map((subscription) -> ordered("app_id", subscription.appId(), "name", subscription.appName(),
						"subscribed_fields", subscription.fields()))
				.collectList())
			.map((found) -> {
				Map<String, Object> shown = new LinkedHashMap<>();
				shown.put("id", page.id());
				shown.put("name", page.name());
				shown.put("category", page.category());
				shown.put("roles", found.getT1().getT1());
				shown.put("app_roles", found.getT1().getT2());
				shown.put("subscribed_apps", found.getT2());
				return shown;
			});
	}

	private Mono<Map<String, Object>> app(SandboxApp app) {
		return this.subscriptions.ofApp(app.id()).map((subscription) -> {
			Map<String, Object> shown = new LinkedHashMap<>();
			shown.put("object", subscription.object());
			shown.put("callback_url", subscription.callbackUrl());
			shown.put("fields", subscription.fields());
			shown.put("active", subscription.active());
			return shown;
		})
			.collectList()
			.zipWith(this.subscriptions.pagesOfApp(app.id())
				.map((subscription) -> ordered("page_id", subscription.pageId(), "subscribed_fields",
						subscription.fields()))
				.collectList())
			.map((found) -> {
				Map<String, Object> shown = new LinkedHashMap<>();
				shown.put("id", app.id());
				shown.put("name", app.name());
				shown.put("redirect_uris", app.redirectUris());
				shown.put("appsecret_proof_required", app.appsecretProofRequired());
				shown.put("category", app.category());
				shown.put("link", app.link());
				shown.put("subscriptions", found.getT1());
				shown.put("page_subscriptions", found.getT2());
				return shown;
			});
	}

	/**
	 * A map that keeps its keys in the order given: {@code key, value, key, value, …}.
	 */
	private static Map<String, Object> ordered(Object... keysAndValues) {
		Map<String, Object> ordered = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			ordered.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return ordered;
	}

	private static Map<String, Object> shown(SandboxUser user) {
		Map<String, Object> shown = new LinkedHashMap<>();
		shown.put("id", user.id());
		shown.put("name", user.name());
		return shown;
	}

	private static String name(String value, int longest, String field) {
		String name = value.strip();
		if (name.isEmpty() || name.length() > longest) {
			throw WorldRefused.badInput("Field " + field + " must be 1 to " + longest + " characters");
		}
		return name;
	}

	private static void checkUrl(String url) {
		try {
			URI uri = URI.create(url);
			if (uri.getScheme() != null && uri.getHost() != null) {
				return;
			}
		}
		catch (IllegalArgumentException ex) {
			// refused below
		}
		throw WorldRefused.badInput("Not an absolute URL: " + url);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
