package io.baton.api;

import org.springframework.http.HttpStatus;

/**
 * An RFC 9457 problem details body, the shape of every error of the API.
 *
 * @param type identifies the kind of problem, {@code urn:baton:problem:<slug>}, listed in
 * docs/api.md
 * @param instance the path of the request that failed
 */
record Problem(String type, String title, int status, String detail, String instance) {

	static Problem of(HttpStatus status, String slug, String detail, String instance) {
		return new Problem("urn:baton:problem:" + slug, status.getReasonPhrase(), status.value(), detail, instance);
	}

}
