package io.baton.delivery.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.Parameter;
import org.jspecify.annotations.Nullable;

import io.baton.api.BadParameter;
import io.baton.delivery.DeliveryQuery;
import io.baton.delivery.DeliveryStatus;
import io.baton.graph.AppId;
import io.baton.graph.PageId;
import io.baton.graph.Psid;

/**
 * The query parameters of a delivery search, as sent; {@link #query} checks them.
 *
 * @param before the {@code next} cursor of the previous page
 */
record DeliveryFilter(@Parameter(description = "Facebook page id") @Nullable String page,
		@Parameter(description = "the person's page-scoped id") @Nullable String psid,
		@Parameter(description = "message id") @Nullable String mid,
		@Parameter(description = "pending, delivered, dead or skipped") @Nullable String status,
		@Parameter(description = "queued at or after, ISO-8601 (2025-01-31T12:00:00Z)") @Nullable String from,
		@Parameter(description = "queued before, ISO-8601") @Nullable String until,
		@Parameter(description = "the next cursor of the previous page") @Nullable String before,
		@Parameter(description = "page size, 1 to 200 (50)") @Nullable String limit) {

	static final int MAX_LIMIT = 200;

	DeliveryQuery query(AppId app) {
		DeliveryStatus wanted = (this.status != null)
				? DeliveryStatus.parse(this.status)
					.orElseThrow(() -> new BadParameter("status must be one of pending, delivered, dead, skipped."))
				: null;
		Instant fromTime = time("from", this.from);
		Instant untilTime = time("until", this.until);
		if (fromTime != null && untilTime != null && !fromTime.isBefore(untilTime)) {
			throw new BadParameter("from must be before until.");
		}
		int size = (this.limit != null) ? (int) number("limit", this.limit) : DeliveryQuery.PAGE_SIZE;
		if (size < 1 || size > MAX_LIMIT) {
			throw new BadParameter("limit must be from 1 to " + MAX_LIMIT + ".");
		}
		Long cursor = (this.before != null) ? number("before", this.before) : null;
		PageId pageId = id("page", this.page, PageId::parse, "a Facebook page id (digits)");
		Psid person = id("psid", this.psid, Psid::parse, "a page-scoped id");
		return new DeliveryQuery(app, pageId, person, blankToNull(this.mid), wanted, fromTime, untilTime, cursor, size);
	}

	/** A positive whole number, as delivery ids and cursors are. */
	static long number(String name, String text) {
		return BadParameter.positiveNumber(name, text);
	}

	static AppId app(String text) {
		return AppId.parse(text).orElseThrow(() -> new BadParameter("appId must be a Facebook app id (digits)."));
	}

	private static @Nullable Instant time(String name, @Nullable String text) {
		if (text == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text.strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new BadParameter(name + " must be an ISO-8601 time with an offset, e.g. 2025-01-31T12:00:00Z.");
		}
	}

	/** The id in {@code text}, none when blank; anything else is a bad parameter. */
	private static <T> @Nullable T id(String name, @Nullable String text, Function<String, Optional<T>> parse,
			String what) {
		String clean = blankToNull(text);
		return (clean != null) ? parse.apply(clean).orElseThrow(() -> new BadParameter(name + " must be " + what + "."))
				: null;
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
