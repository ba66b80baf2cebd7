package io.baton.sandbox.messenger.notifications;

import java.time.OffsetDateTime;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.RandomTokens;
import io.baton.sandbox.messenger.MessengerErrors;
import io.baton.sandbox.messenger.MessengerSettings;
import io.baton.sandbox.webhooks.SandboxClock;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Notification tokens of a page: one-time ones, good once for a year, and recurring ones,
 * limited to their frequency until they expire or the person stops them.
 */
@Component
@ConditionalOnSandbox
public class NotificationTokens {

	private final DatabaseClient database;

	private final SandboxClock clock;

	private final MessengerSettings settings;

	NotificationTokens(DatabaseClient database, SandboxClock clock, MessengerSettings settings) {
		this.database = database;
		this.clock = clock;
		this.settings = settings;
	}

	/** The person tapped "Notify me". */
	public Mono<String> issueOneTime(String pageId, String psid, String payload) {
		String token = RandomTokens.next("", 64);
		OffsetDateTime now = this.clock.now();
		return this.database.sql(NotificationRows.INSERT_ONE_TIME)
			.bind("token", token)
			.bind("page", pageId)
			.bind("psid", psid)
			.bind("payload", payload)
			.bind("now", now)
			.bind("expires", now.plus(this.settings.otnValidity()))
			.then()
			.thenReturn(token);
	}

	/**
	 * Spends a one-time token of the page: its PSID, or 100 if used, expired or unknown.
	 */
	public Mono<String> spendOneTime(String pageId, String token) {
		OffsetDateTime now = this.clock.now();
		return this.database.sql(NotificationRows.SPEND_ONE_TIME)
			.bind("now", now)
			.bind("token", token)
			.bind("page", pageId)
			.map((row) -> row.get("psid", String.class))
			.one()
			.switchIfEmpty(Mono.error(MessengerErrors::invalidOtnToken));
	}

	/** The person opted in to a topic; an earlier token of the topic is replaced. */
	public Mono<RecurringOptIn> optIn(String pageId, String psid, String payload, String title, Frequency frequency,
			String timezone) {
		OffsetDateTime now = this.clock.now();
		String token = RandomTokens.next("", 64);
		OffsetDateTime expires = frequency.expiry(now);
		return this.database.sql(NotificationRows.DELETE_RECURRING_OF_TOPIC)
			.bind("page", pageId)
			.bind("psid", psid)
			.bind("payload", payload)
			.map((row) -> true)
			.all()
			.hasElements()
			.flatMap((refreshed) -> this.database.sql(NotificationRows.INSERT_RECURRING)
				.bind("token", token)
				.bind("page", pageId)
				.bind("psid", psid)
				.bind("payload", payload)
				.bind("title", title)
				.bind("frequency", frequency.name())
				.bind("timezone", timezone)
				.bind("now", now)
				.bind("expires", expires)
				.then()
				.thenReturn(new RecurringOptIn(token, payload, title, frequency, timezone, expires, refreshed)));
	}

	/** The person stopped ({@code true}) or resumed a topic; empty when not theirs. */
	public Mono<RecurringOptIn> setStopped(String pageId, String psid, String token, boolean stopped) {
		return this.database.sql(NotificationRows.SET_RECURRING_STOPPED)
			.bind("stopped", stopped)
			.bind("token", token)
			.bind("page", pageId)
			.bind("psid", psid)
			.map((row) -> new RecurringOptIn(token, row.get("payload", String.class), row.get("title", String.class),
					Frequency.valueOf(row.get("frequency", String.class)), row.get("timezone", String.class),
					row.get("expires_at", OffsetDateTime.class), false))
			.one();
	}

	/**
	 * Spends a recurring token: its PSID; 100 when unknown or expired, 10/1893015 when
	 * stopped, 4/2018354 when sooner than its frequency allows.
	 */
	public Mono<String> spendRecurring(String pageId, String token) {
		OffsetDateTime now = this.clock.now();
		return this.database.sql(NotificationRows.FIND_RECURRING)
			.bind("token", token)
			.bind("page", pageId)
			.map((row) -> new Stored(row.get("psid", String.class),
					Frequency.valueOf(row.get("frequency", String.class)), row.get("expires_at", OffsetDateTime.class),
					Boolean.TRUE.equals(row.get("stopped", Boolean.class)),
					row.get("last_sent_at", OffsetDateTime.class)))
			.one()
			.switchIfEmpty(Mono.error(MessengerErrors::invalidNotificationMessagesToken))
			.flatMap((stored) -> spend(token, stored, now));
	}

	private Mono<String> spend(String token, Stored stored, OffsetDateTime now) {
		if (!stored.expiresAt().isAfter(now)) {
			return Mono.error(MessengerErrors.invalidNotificationMessagesToken());
		}
		if (stored.stopped()) {
			return Mono.error(MessengerErrors.notificationsStopped());
		}
		if (stored.lastSentAt() != null && stored.frequency().next(stored.lastSentAt()).isAfter(now)) {
			return Mono.error(MessengerErrors.notificationTooSoon());
		}
		return this.database.sql(NotificationRows.SPEND_RECURRING)
			.bind("now", now)
			.bind("token", token)
			.bind("last",
					(stored.lastSentAt() != null) ? org.springframework.r2dbc.core.Parameter.from(stored.lastSentAt())
							: org.springframework.r2dbc.core.Parameter.empty(OffsetDateTime.class))
			.fetch()
			.rowsUpdated()
			.flatMap((updated) -> (updated == 1) ? Mono.just(stored.psid())
					: Mono.error(MessengerErrors.notificationTooSoon()));
	}

	private record Stored(String psid, Frequency frequency, OffsetDateTime expiresAt, boolean stopped,
			@org.jspecify.annotations.Nullable OffsetDateTime lastSentAt) {

	}

}
