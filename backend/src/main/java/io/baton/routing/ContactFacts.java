package io.baton.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import io.baton.graph.AppId;
import io.baton.platform.Digests;
import io.baton.secrets.Secret;
import io.baton.secrets.SecretBox;
import io.baton.tenancy.TenantId;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * What routed events tell about the people behind them, kept because Facebook offers no
 * API to list it: contacts with first and last seen and the 24-hour window, referral
 * {@code ref}s, account linking, the thread owner from handover events, and notification
 * tokens from opt-ins (sealed).
 */
@Component
class ContactFacts {

	private static final Duration ONE_TIME_TOKEN_LIFE = Duration.ofDays(365);

	private final SecretBox secrets;

	ContactFacts(SecretBox secrets) {
		this.secrets = secrets;
	}

	Mono<Void> keep(DatabaseClient db, TenantId tenant, AppId app, List<Event> events) {
		List<Event> personal = events.stream().filter((event) -> event.psid() != null).toList();
		if (personal.isEmpty()) {
			return Mono.empty();
		}
		return contacts(db, tenant, personal).then(referrals(db, tenant, personal))
			.then(Flux.fromIterable(personal).concatMap((event) -> oneByOne(db, tenant, app, event)).then());
	}

	/** One upsert row per person, keys sorted so concurrent routers never deadlock. */
	private Mono<Long> contacts(DatabaseClient db, TenantId tenant, List<Event> events) {
		Map<String, Object[]> byPerson = new TreeMap<>();
		for (Event event : events) {
			Instant interaction = event.opensWindow() ? event.at() : null;
			byPerson.merge(event.page().value() + "\n" + event.psid().value(),
					new Object[] { tenant.value(), event.page().value(), event.psid().value(), event.at(), event.at(),
							interaction },
					(known, next) -> new Object[] { known[0], known[1], known[2], earliest(known[3], next[3]),
							latest(known[4], next[4]), latest(known[5], next[5]) });
		}
		return RoutingRows.CONTACTS.run(db, new ArrayList<>(byPerson.values()));
	}

	private Mono<Long> referrals(DatabaseClient db, TenantId tenant, List<Event> events) {
		List<Object[]> rows = new ArrayList<>();
		for (Event event : events) {
			JsonNode referral = referralOf(event.body());
			String ref = (referral != null) ? referral.path("ref").asString("") : "";
			if (!ref.isEmpty()) {
				rows.add(new Object[] { tenant.value(), event.page().value(), event.psid().value(), ref,
						referral.path("source").asString(""), referral.path("type").asString(""), event.at() });
			}
		}
		return rows.isEmpty() ? Mono.just(0L) : RoutingRows.REFERRALS.run(db, rows);
	}

	private static @Nullable JsonNode referralOf(JsonNode event) {
		for (JsonNode candidate : List.of(event.path("referral"), event.path("postback").path("referral"),
				event.path("message").path("referral"), event.path("optin"))) {
			if (candidate.path("ref").isString()) {
				return candidate;
			}
		}
		return null;
	}

	/** The rarer facts: few events carry them, so one statement each is fine. */
	private Mono<Void> oneByOne(DatabaseClient db, TenantId tenant, AppId app, Event event) {
		JsonNode body = event.body();
		return switch (event.type()) {
			case "account_linking" -> accountLinking(db, tenant, event, body.path("account_linking"));
			case "pass_thread_control", "take_thread_control" ->
				threadOwner(db, tenant, event, body.path(event.type()).path("new_owner_app_id"));
			case "optin" -> notificationToken(db, tenant, app, event, body.path("optin"));
			default -> Mono.empty();
		};
	}

	private Mono<Void> accountLinking(DatabaseClient db, TenantId tenant, Event event, JsonNode linking) {
		String status = linking.path("status").asString("");
		if (!status.equals("linked") && !status.equals("unlinked")) {
			return Mono.empty();
		}
		return db.sql(RoutingRows.ACCOUNT_LINKING)
			.bind("status", status)
			.bind("account", linking.path("authorization_code").asString(""))
			.bind("at", event.at())
			.bind("tenant", tenant.value())
			.bind("page", event.page().value())
			.bind("psid", event.psid().value())
			.then();
	}

	private Mono<Void> threadOwner(DatabaseClient db, TenantId tenant, Event event, JsonNode newOwner) {
		if (newOwner.isMissingNode() || newOwner.isNull()) {
			return Mono.empty();
		}
		return db.sql(RoutingRows.THREAD_OWNER)
			.bind("owner", newOwner.asString())
			.bind("at", event.at())
			.bind("tenant", tenant.value())
			.bind("page", event.page().value())
			.bind("psid", event.psid().value())
			.then();
	}

	private Mono<Void> notificationToken(DatabaseClient db, TenantId tenant, AppId app, Event event, JsonNode optin) {
		String oneTime = optin.path("one_time_notif_token").asString("");
		String recurring = optin.path("notification_messages_token").asString("");
		if (oneTime.isEmpty() && recurring.isEmpty()) {
			return Mono.empty();
		}
		boolean isOneTime = !oneTime.isEmpty();
		String token = isOneTime ? oneTime : recurring;
		String status = "STOP_NOTIFICATIONS".equals(optin.path("notification_messages_status").asString("")) ? "stopped"
				: "active";
		Instant expiresAt = isOneTime ? event.at().plus(ONE_TIME_TOKEN_LIFE)
				: optin.path("token_expiry_timestamp").isNumber()
						? Instant.ofEpochMilli(optin.path("token_expiry_timestamp").asLong()) : null;
		DatabaseClient.GenericExecuteSpec insert = db.sql(RoutingRows.NOTIFICATION_TOKEN)
			.bind("tenant", tenant.value())
			.bind("app", app.value())
			.bind("page", event.page().value())
			.bind("psid", event.psid().value())
			.bind("kind", isOneTime ? "one_time" : "recurring")
			.bind("topic", optin.path("title").asString(""))
			.bind("payload", optin.path("payload").asString(""))
			.bind("sealed", this.secrets.seal(new Secret(token), tokenContext(event.page().value())))
			.bind("hash", Digests.sha256(token))
			.bind("frequency", optin.path("notification_messages_frequency").asString(""))
			.bind("timezone", optin.path("notification_messages_timezone").asString(""))
			.bind("status", status);
		return ((expiresAt != null) ? insert.bind("expires", expiresAt) : insert.bindNull("expires", Instant.class))
			.then();
	}

	/** What a notification token's seal is bound to. */
	static String tokenContext(String pageId) {
		return "notification-token:" + pageId;
	}

	private static Object earliest(Object a, Object b) {
		return ((Instant) a).isBefore((Instant) b) ? a : b;
	}

	private static @Nullable Object latest(@Nullable Object a, @Nullable Object b) {
		if (a == null || b == null) {
			return (a != null) ? a : b;
		}
		return ((Instant) a).isAfter((Instant) b) ? a : b;
	}

}
