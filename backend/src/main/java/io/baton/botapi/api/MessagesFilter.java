package io.baton.botapi.api;

import io.swagger.v3.oas.annotations.Parameter;
import org.jspecify.annotations.Nullable;

import io.baton.api.BadParameter;
import io.baton.botapi.OutboundQuery;
import io.baton.graph.AppId;
import io.baton.graph.PageId;
import io.baton.graph.Psid;

/**
 * The query parameters of an outbound log search, as sent; {@link #query} checks them. A
 * key limited to one page reads only that page's sends.
 */
record MessagesFilter(@Parameter(description = "Facebook page id") @Nullable String page,
		@Parameter(description = "the person's page-scoped id") @Nullable String psid,
		@Parameter(description = "sent, failed or rate_limited") @Nullable String status,
		@Parameter(description = "the next cursor of the previous page") @Nullable String before,
		@Parameter(description = "page size, 1 to 200 (50)") @Nullable String limit) {

	OutboundQuery query(AppId app, @Nullable PageId onlyPage) {
		if (this.status != null && !OutboundQuery.STATUSES.contains(this.status)) {
			throw new BadParameter("status must be one of " + String.join(", ", OutboundQuery.STATUSES) + ".");
		}
		int size = (this.limit != null) ? (int) number("limit", this.limit) : 50;
		if (size < 1 || size > 200) {
			throw new BadParameter("limit must be from 1 to 200.");
		}
		PageId pageId = blank(this.page) ? null
				: PageId.parse(this.page).orElseThrow(() -> new BadParameter("page must be a Facebook page id."));
		if (onlyPage != null && pageId != null && !onlyPage.equals(pageId)) {
			throw new BadParameter("This key serves page " + onlyPage + " only.");
		}
		Psid person = blank(this.psid) ? null
				: Psid.parse(this.psid).orElseThrow(() -> new BadParameter("psid must be a page-scoped id."));
		Long cursor = (this.before != null) ? number("before", this.before) : null;
		return new OutboundQuery(app, (onlyPage != null) ? onlyPage : pageId, person, this.status, cursor, size);
	}

	static AppId app(String text) {
		return AppId.parse(text).orElseThrow(() -> new BadParameter("appId must be a Facebook app id (digits)."));
	}

	private static long number(String name, String text) {
		return BadParameter.positiveNumber(name, text);
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

}
