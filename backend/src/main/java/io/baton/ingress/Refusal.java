package io.baton.ingress;

import org.springframework.http.HttpStatus;

/** Why intake did not store a request, with the answer it gets. */
enum Refusal {

	UNKNOWN_APP(HttpStatus.NOT_FOUND, "unknown_app", "Unknown app"),

	MISSING_SIGNATURE(HttpStatus.FORBIDDEN, "missing_signature", "No X-Hub-Signature-256 header"),

	BAD_SIGNATURE(HttpStatus.FORBIDDEN, "bad_signature", "The signature does not match the body"),

	MALFORMED_JSON(HttpStatus.BAD_REQUEST, "malformed_json",
			"The body is not a webhook batch ({\"object\", \"entry\": [...]})"),

	TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "too_large", "The body exceeds the size limit"),

	/** A refusal past the address's or the app's budget of refusals. */
	RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", "Too many refused requests; retry later"),

	/**
	 * A correctly signed batch past the app's limit on signed traffic: a risk to the
	 * subscription.
	 */
	SIGNED_RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "signed_rate_limited",
			"Signed batch over the app's limit; retry later");

	private final HttpStatus status;

	private final String reason;

	private final String detail;

	Refusal(HttpStatus status, String reason, String detail) {
		this.status = status;
		this.reason = reason;
		this.detail = detail;
	}

	HttpStatus status() {
		return this.status;
	}

	String reason() {
		return this.reason;
	}

	String detail() {
		return this.detail;
	}

}
