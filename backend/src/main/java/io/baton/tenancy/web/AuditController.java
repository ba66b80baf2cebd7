package io.baton.tenancy.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.baton.tenancy.AuditEntry;
import io.baton.tenancy.AuditLog;
import io.baton.tenancy.AuditQuery;
import io.baton.tenancy.CurrentTenant;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The tenant's audit log, filtered by action, actor and day range, newest first. */
@Controller
class AuditController {

	private final AuditLog auditLog;

	AuditController(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@GetMapping("/t/{tenantId}/audit")
	Mono<String> audit(CurrentTenant current, @RequestParam MultiValueMap<String, String> params, Model model) {
		AuditQuery query = new AuditQuery(blankToNull(params.getFirst("action")), blankToNull(params.getFirst("actor")),
				day(params.getFirst("from"), 0), day(params.getFirst("until"), 1), number(params.getFirst("before")));
		model.addAttribute("query", query);
		model.addAttribute("fromText", nonNull(params.getFirst("from")));
		model.addAttribute("untilText", nonNull(params.getFirst("until")));
		return this.auditLog.actions(current)
			.collectList()
			.doOnNext((actions) -> model.addAttribute("actions", actions))
			.thenMany(this.auditLog.search(current, query))
			.collectList()
			.doOnNext((entries) -> {
				model.addAttribute("entries", entries);
				model.addAttribute("nextBefore", nextPage(entries));
			})
			.thenReturn("tenancy/audit");
	}

	private static @Nullable Long nextPage(List<AuditEntry> entries) {
		return (entries.size() == AuditQuery.PAGE_SIZE) ? entries.get(entries.size() - 1).id() : null;
	}

	private static java.time.@Nullable Instant day(@Nullable String text, int plusDays) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip()).plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static @Nullable Long number(@Nullable String text) {
		try {
			return (text == null || text.isBlank()) ? null : Long.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static String nonNull(@Nullable String text) {
		return (text != null) ? text : "";
	}

}
