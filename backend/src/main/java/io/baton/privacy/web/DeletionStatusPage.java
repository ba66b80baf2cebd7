package io.baton.privacy.web;

import reactor.core.publisher.Mono;

import io.baton.platform.NotFound;
import io.baton.privacy.DataDeletion;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code GET /data-deletion/{code}}: the public status of one deletion request, for the
 * person who asked; it says nothing of the business or of what was held.
 */
@Controller
class DeletionStatusPage {

	private final DataDeletion deletion;

	DeletionStatusPage(DataDeletion deletion) {
		this.deletion = deletion;
	}

	@GetMapping("/data-deletion/{code}")
	Mono<String> status(@PathVariable String code, Model model) {
		return this.deletion.status(code)
			.map((status) -> status.orElseThrow(() -> new NotFound("There is no deletion request with that code.")))
			.doOnNext((status) -> {
				model.addAttribute("code", code);
				model.addAttribute("request", status);
			})
			.thenReturn("privacy/status");
	}

}
