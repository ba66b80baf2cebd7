package io.baton.privacy.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import io.baton.graph.PageId;
import io.baton.platform.BatonSettings;
import io.baton.platform.RetentionSettings;
import io.baton.platform.Rejected;
import io.baton.privacy.DataDeletion;
import io.baton.privacy.Erasure;
import io.baton.privacy.Person;
import io.baton.tenancy.CurrentTenant;
import io.baton.tokens.PageToken;
import io.baton.tokens.PageTokens;
import io.baton.web.Flash;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;

/**
 * The tenant's privacy page: Facebook's deletion requests and what each erased, how long
 * raw payloads are kept (and the oldest still held), and export or erasure of one
 * contact.
 */
@Controller
class PrivacyController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DataDeletion deletion;

	private final Erasure erasure;

	private final PageTokens pageTokens;

	private final RetentionSettings retention;

	private final BatonSettings settings;

	PrivacyController(DataDeletion deletion, Erasure erasure, PageTokens pageTokens, RetentionSettings retention,
			BatonSettings settings) {
		this.settings = settings;
		this.deletion = deletion;
		this.erasure = erasure;
		this.pageTokens = pageTokens;
		this.retention = retention;
	}

	@GetMapping("/t/{tenantId}/privacy")
	Mono<String> privacy(CurrentTenant current, Model model) {
		current.require(current.role().managesMembers(), "see privacy requests");
		model.addAttribute("keepDays", this.retention.keepDays());
		model.addAttribute("callbackUrl", this.settings.link("/facebook/data-deletion/{app-id}"));
		return pages(current).doOnNext((pages) -> model.addAttribute("pages", pages))
			.then(this.deletion.recent(current).collectList())
			.doOnNext((requests) -> model.addAttribute("requests", requests))
			.then(this.erasure.oldestKept(current))
			.doOnNext((oldest) -> model.addAttribute("oldestKept", oldest.orElse(null)))
			.thenReturn("privacy/privacy");
	}

	@PostMapping(path = "/t/{tenantId}/privacy/export")
	@ResponseBody
	Mono<ResponseEntity<byte[]>> export(CurrentTenant current, ServerWebExchange exchange) {
		return chosen(current, exchange).flatMap(
				(chosen) -> this.erasure.export(current, chosen.person(), chosen.pageName())
					.map((export) -> ResponseEntity.ok()
						.contentType(MediaType.APPLICATION_JSON)
						.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
							.filename("contact-" + chosen.person().page() + "-" + chosen.person().psid() + ".json",
									StandardCharsets.UTF_8)
							.build()
							.toString())
						.body(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(export))));
	}

	@PostMapping("/t/{tenantId}/privacy/erase")
	Mono<String> erase(CurrentTenant current, ServerWebExchange exchange) {
		return chosen(current, exchange)
			.flatMap((chosen) -> this.erasure.erase(current, chosen.person(), chosen.pageName())
				.flatMap((counts) -> Flash.success(exchange,
						"Erased the contact " + chosen.person().psid() + " on " + chosen.pageName() + ": "
								+ counts.entrySet()
									.stream()
									.map((count) -> count.getValue() + " " + count.getKey())
									.collect(Collectors.joining(", "))
								+ ".")))
			.thenReturn("redirect:/t/" + current.id().value() + "/privacy");
	}

	/** The tenant's pages by id, named. */
	private Mono<Map<String, String>> pages(CurrentTenant current) {
		return this.pageTokens.inventory(current)
			.collect(LinkedHashMap::new, (Map<String, String> pages, PageToken token) -> pages
				.putIfAbsent(token.page().value(), token.pageName()));
	}

	private Mono<Chosen> chosen(CurrentTenant current, ServerWebExchange exchange) {
		current.require(current.role().managesMembers(), "export or erase a contact's data");
		return exchange.getFormData().zipWith(pages(current)).map((both) -> {
			MultiValueMap<String, String> form = both.getT1();
			String page = text(form.getFirst("page"));
			String psid = text(form.getFirst("psid"));
			String pageName = both.getT2().get(page);
			if (pageName == null) {
				throw new Rejected("Choose one of this tenant's pages.");
			}
			if (!psid.matches("[0-9]{1,64}")) {
				throw new Rejected("A PSID is the number Messenger gives the person on that page.");
			}
			return new Chosen(new Person(new PageId(page), psid), pageName);
		});
	}

	private static String text(String value) {
		return (value != null) ? value.strip() : "";
	}

	private record Chosen(Person person, String pageName) {
	}

}
