package io.baton.graph;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;

/**
 * A Graph call made on someone else's behalf and passed on as it came: the caller's own
 * token and {@code appsecret_proof} already taken out, since Baton signs with its own.
 *
 * @param method the HTTP method
 * @param version the version segment the caller named ({@code v24.0})
 * @param path the path after the version, from its {@code /}
 * @param query the query parameters
 * @param contentType the body's type, or {@code null} without a body
 * @param body the body's bytes (empty without one)
 */
public record RelayedCall(HttpMethod method, String version, String path, MultiValueMap<String, String> query,
		@Nullable MediaType contentType, byte[] body) {

	public RelayedCall {
		if (!version.matches("v[0-9]{1,3}\\.[0-9]{1,3}")) {
			throw new IllegalArgumentException("A Graph version is vN.N");
		}
		if (!path.startsWith("/")) {
			throw new IllegalArgumentException("A Graph path starts with /");
		}
	}

}
