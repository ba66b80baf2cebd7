package io.baton.sandbox.messenger.handover;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.messenger.Conversation;
import io.baton.sandbox.messenger.Conversations;
import io.baton.sandbox.messenger.MessengerErrors;
import io.baton.sandbox.messenger.MessengerSettings;
import io.baton.sandbox.webhooks.Routing;
import io.baton.sandbox.webhooks.SandboxClock;
import io.baton.sandbox.webhooks.Webhooks;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Who controls each conversation. Without an explicit owner the primary receiver acts as
 * owner; a secondary's control lapses back after {@code thread-control-idle} without
 * activity (checked when the owner is read).
 */
@Component
@ConditionalOnSandbox
public class ThreadControl {

	static final String FIELD = "messaging_handovers";

	private final DatabaseClient database;

	private final Conversations conversations;

	private final Webhooks webhooks;

	private final SandboxClock clock;

	private final MessengerSettings settings;

	ThreadControl(DatabaseClient database, Conversations conversations, Webhooks webhooks, SandboxClock clock,
			MessengerSettings settings) {
		this.database = database;
		this.conversations = conversations;
		this.webhooks = webhooks;
		this.clock = clock;
		this.settings = settings;
	}

	public Mono<AppRoles> roles(String pageId) {
		return this.database.sql(HandoverRows.APP_ROLES)
			.bind("page", pageId)
			.map((row) -> Map.entry(row.get("app_id", String.class), row.get("role", String.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new)
			.map((stored) -> AppRoles.withPageInbox(stored, this.settings.pageInboxAppId()));
	}

	/** The app that owns the conversation now, or {@code null} when no app does. */
	public Mono<Owner> owner(String pageId, String psid) {
		return Mono.zip(roles(pageId), this.conversations.of(pageId, psid))
			.flatMap((found) -> current(found.getT1(), found.getT2()));
	}

	private Mono<Owner> current(AppRoles roles, Conversation conversation) {
		String explicit = conversation.ownerAppId();
		if (explicit != null && !explicit.equals(roles.primary()) && lapsed(conversation)) {
			return this.conversations.setOwner(conversation.pageId(), conversation.psid(), null)
				.thenReturn(new Owner(roles, roles.primary()));
		}
		return Mono.just(new Owner(roles, (explicit != null) ? explicit : roles.primary()));
	}

	private boolean lapsed(Conversation conversation) {
		OffsetDateTime active = conversation.ownerActiveAt();
		return active != null && !active.plus(this.settings.threadControlIdle()).isAfter(this.clock.now());
	}

	Mono<Void> pass(String appId, String pageId, String psid, @Nullable String target, String metadata) {
		return owner(pageId, psid).flatMap((owner) -> {
			requireRole(owner.roles(), appId);
			if (!appId.equals(owner.appId()) && !owner.roles().isPrimary(appId)) {
				return Mono.error(MessengerErrors.notThreadOwner());
			}
			String newOwner = (target != null) ? target : owner.roles().primary();
			if (newOwner == null) {
				return Mono.error(MessengerErrors.missingParameter("target_app_id"));
			}
			if (!owner.roles().hasRole(newOwner)) {
				return Mono.error(MessengerErrors.invalidParameter("target_app_id has no role on this page"));
			}
			return this.conversations.setOwner(pageId, psid, newOwner)
				.then(publish(pageId, psid, newOwner, "pass_thread_control",
						change(owner.appId(), newOwner, metadata)));
		});
	}

	Mono<Void> take(String appId, String pageId, String psid, String metadata) {
		return owner(pageId, psid).flatMap((owner) -> {
			requireRole(owner.roles(), appId);
			if (!owner.roles().isPrimary(appId)) {
				return Mono.error(MessengerErrors.notThreadOwner());
			}
			String previous = owner.appId();
			Mono<Void> taken = this.conversations.setOwner(pageId, psid, appId);
			if (previous == null || previous.equals(appId)) {
				return taken;
			}
			return taken
				.then(publish(pageId, psid, previous, "take_thread_control", change(previous, appId, metadata)));
		});
	}

	Mono<Void> request(String appId, String pageId, String psid, String metadata) {
		return owner(pageId, psid).flatMap((owner) -> {
			requireRole(owner.roles(), appId);
			String primary = owner.roles().primary();
			if (primary == null || primary.equals(appId)) {
				return Mono.error(MessengerErrors.invalidParameter("only a secondary receiver may request control"));
			}
			Map<String, Object> request = new LinkedHashMap<>();
			request.put("requested_owner_app_id", numeric(appId));
			request.put("metadata", metadata);
			return publish(pageId, psid, primary, "request_thread_control", request);
		});
	}

	Mono<Void> release(String appId, String pageId, String psid) {
		return owner(pageId, psid).flatMap((owner) -> {
			requireRole(owner.roles(), appId);
			if (!appId.equals(owner.appId())) {
				return Mono.error(MessengerErrors.notThreadOwner());
			}
			return this.conversations.setOwner(pageId, psid, null);
		});
	}

	/** Tells {@code appId} its new role on the page ({@code app_roles}, no sender). */
	public Mono<Void> announceRole(String pageId, String appId, String role) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("recipient", Map.of("id", pageId));
		event.put("timestamp", this.clock.instant().toEpochMilli());
		event.put("app_roles", Map.of(appId, List.of(role)));
		return this.webhooks.publish(pageId, FIELD, event, Routing.onlyTo(appId));
	}

	private static void requireRole(AppRoles roles, String appId) {
		if (!roles.hasRole(appId)) {
			throw MessengerErrors.noReceiverRole();
		}
	}

	private Mono<Void> publish(String pageId, String psid, String toApp, String kind, Map<String, Object> body) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("sender", Map.of("id", psid));
		event.put("recipient", Map.of("id", pageId));
		event.put("timestamp", this.clock.instant().toEpochMilli());
		event.put(kind, body);
		return this.webhooks.publish(pageId, FIELD, event, Routing.onlyTo(toApp));
	}

	private static Map<String, Object> change(@Nullable String previous, String next, String metadata) {
		Map<String, Object> change = new LinkedHashMap<>();
		if (previous != null) {
			change.put("previous_owner_app_id", numeric(previous));
		}
		change.put("new_owner_app_id", numeric(next));
		change.put("metadata", metadata);
		return change;
	}

	/** Facebook writes app ids in handover events as numbers. */
	private static Object numeric(String appId) {
		try {
			return Long.parseLong(appId);
		}
		catch (NumberFormatException ex) {
			return appId;
		}
	}

	/**
	 * The owner of a conversation.
	 *
	 * @param roles the page's app roles
	 * @param appId the owning app (explicit, else the primary), {@code null} if none
	 */
	public record Owner(AppRoles roles, @Nullable String appId) {

		/** May {@code app} send in this thread? */
		public boolean allows(String app) {
			return this.appId == null || this.appId.equals(app);
		}

	}

}
