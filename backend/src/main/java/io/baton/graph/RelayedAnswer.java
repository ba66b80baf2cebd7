package io.baton.graph;

import org.jspecify.annotations.Nullable;

/**
 * Graph's answer to a relayed call, kept as it came so that it can be passed back
 * unchanged.
 *
 * @param status the HTTP status
 * @param contentType the answer's {@code Content-Type}, or {@code null}
 * @param body the answer's bytes
 * @param failure Graph's error object read as a failure, or {@code null} when the answer
 * is not an error
 */
public record RelayedAnswer(int status, @Nullable String contentType, byte[] body, @Nullable GraphFailure failure) {

	public boolean succeeded() {
		return this.failure == null && this.status / 100 == 2;
	}

}
