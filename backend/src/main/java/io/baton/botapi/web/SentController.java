package io.baton.botapi.web;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.baton.apps.Apps;
import io.baton.botapi.OutboundLog;
import io.baton.botapi.OutboundQuery;
import io.baton.graph.AppId;
import io.baton.graph.Psid;
import io.baton.platform.NotFound;
import io.baton.tenancy.CurrentTenant;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The app's "Sent" log: what its bot sent through the bot API and what Graph answered,
 * newest first, by person and status.
 */
@Controller
class SentController {

	private static final int PAGE_SIZE = 50;

	private final Apps apps;

	private final OutboundLog log;

	SentController(Apps apps, OutboundLog log) {
		this.apps = apps;
		this.log = log;
	}

	@GetMapping("/t/{tenantId}/apps/{appId}/sent")
	Mono<String> sent(CurrentTenant current, @PathVariable String appId,
			@RequestParam(required = false) @Nullable String psid,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable Long before, Model model) {
		AppId app = AppId.parse(appId).orElseThrow(() -> new NotFound("No such app."));
		Psid person = (psid == null || psid.isBlank()) ? null : Psid.parse(psid).orElse(null);
		String wanted = (status != null && OutboundQuery.STATUSES.contains(status)) ? status : null;
		OutboundQuery query = new OutboundQuery(app, null, person, wanted, before, PAGE_SIZE);
		model.addAttribute("psid", (psid != null) ? psid : "");
		model.addAttribute("status", (wanted != null) ? wanted : "");
		model.addAttribute("statuses", OutboundQuery.STATUSES);
		return this.apps.find(current, app)
			.doOnNext((found) -> model.addAttribute("app", found))
			.thenMany(this.log.search(current.id(), query))
			.collectList()
			.doOnNext((messages) -> {
				model.addAttribute("messages", messages);
				model.addAttribute("nextBefore",
						(messages.size() < PAGE_SIZE) ? null : messages.get(messages.size() - 1).id());
			})
			.thenReturn("botapi/sent");
	}

}
