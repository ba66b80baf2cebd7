package io.baton.botapi.api;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.baton.botapi.SentMessage;

/**
 * A page of the outbound log, newest first.
 *
 * @param next the id to pass as {@code before} for the following page; {@code null} on
 * the last
 */
record MessagesPage(List<SentMessage> items, @Nullable Long next) {

	static MessagesPage of(List<SentMessage> items, int limit) {
		return new MessagesPage(items, (items.size() < limit) ? null : items.get(items.size() - 1).id());
	}

}
