package io.baton.botapi;

import java.nio.charset.StandardCharsets;

import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.baton.apps.ApiKeyHolder;
import io.baton.graph.GraphFailure;
import io.baton.graph.PageId;
import io.baton.graph.RelayedAnswer;
import io.baton.platform.Filters;
import io.baton.tenancy.TenantId;
import io.baton.tenancy.TenantTransactions;

import org.springframework.stereotype.Service;

/**
 * The outbound log: every message a bot sent through the bot API, with Graph's answer,
 * read beside the app's delivery log. Rows live in daily partitions dropped after the
 * retention.
 */
@Service
public class OutboundLog {

	private static final Logger logger = LoggerFactory.getLogger(OutboundLog.class);

	private final TenantTransactions transactions;

	private final JsonMapper json;

	OutboundLog(TenantTransactions transactions, JsonMapper json) {
		this.transactions = transactions;
		this.json = json;
	}

	/** A page of the app's log, newest first. */
	public Flux<SentMessage> search(TenantId tenant, OutboundQuery query) {
		Filters filters = Filters.where("tenant_id = :tenant", "tenant", tenant.value())
			.and("app_id = :app", "app", query.app().value())
			.and("page_id = :page", "page", (query.page() != null) ? query.page().value() : null)
			.and("psid = :psid", "psid", (query.psid() != null) ? query.psid().value() : null)
			.and("status = :status", "status", query.status())
			.and("id < :before", "before", query.before());
		return this.transactions.inTenantMany(tenant,
				(db) -> filters.bind(db.sql(OutboundRows.SEARCH.formatted(filters.clause())))
					.bind("limit", query.limit())
					.map(OutboundRows::sentMessage)
					.all());
	}

	/**
	 * Records a send and Graph's answer to it. The message went out (or did not) whatever
	 * happens here, so a failure to record is logged, not passed on to the bot.
	 */
	Mono<Void> record(ApiKeyHolder key, PageId page, BotCall send, PageCalls.Answered answered, long tookMs) {
		RelayedAnswer answer = answered.answer();
		GraphFailure failure = answer.failure();
		return this.transactions
			.inTenant(key.tenant(), (db) -> db.sql(OutboundRows.INSERT)
				.bind("tenant", key.tenant().value())
				.bind("app", key.app().value())
				.bind("page", page.value())
				.bind("psid", send.node("recipient").path("id").asString(""))
				.bind("key", key.prefix())
				.bind("kind", send.node("sender_action").isMissingNode() ? "message" : "sender_action")
				.bind("messageId", Parameters.in(R2dbcType.VARCHAR, messageId(answer)))
				.bind("status", status(failure))
				.bind("httpStatus", answer.status())
				.bind("errorCode", Parameters.in(R2dbcType.INTEGER, (failure != null) ? failure.code() : null))
				.bind("errorSubcode", Parameters.in(R2dbcType.INTEGER, (failure != null) ? failure.subcode() : null))
				.bind("error", (failure != null) ? failure.getMessage() : "")
				.bind("attempts", answered.calls())
				.bind("durationMs", (int) Math.min(tookMs, Integer.MAX_VALUE))
				.fetch()
				.rowsUpdated())
			.then()
			.onErrorResume((ex) -> {
				logger.warn("A send of app {} on page {} could not be written to the outbound log", key.app(), page,
						ex);
				return Mono.empty();
			});
	}

	private @Nullable String messageId(RelayedAnswer answer) {
		if (!answer.succeeded()) {
			return null;
		}
		try {
			JsonNode body = this.json.readTree(new String(answer.body(), StandardCharsets.UTF_8));
			JsonNode id = body.path("message_id");
			return id.isValueNode() ? id.asString() : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String status(@Nullable GraphFailure failure) {
		if (failure == null) {
			return "sent";
		}
		return (failure.kind() == GraphFailure.Kind.RATE_LIMITED) ? "rate_limited" : "failed";
	}

}
