package io.baton.graph;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Graph answered with its error object (or did not answer as Graph does). Baton reacts by
 * code and subcode, never by the message text, which Facebook changes at will.
 */
public class GraphFailure extends RuntimeException {

	private static final Set<Integer> RATE_LIMITS = Set.of(4, 17, 32, 613);

	private static final Set<Integer> TRANSIENT = Set.of(1, 2, 1200);

	private final int status;

	private final int code;

	private final @Nullable Integer subcode;

	private final @Nullable String traceId;

	public GraphFailure(int status, int code, @Nullable Integer subcode, String message, @Nullable String traceId) {
		super(message);
		this.status = status;
		this.code = code;
		this.subcode = subcode;
		this.traceId = traceId;
	}

	/** What went wrong, as Baton acts on it. */
	public enum Kind {

		/**
		 * The token is invalid, expired or revoked (190): the page needs re-connecting.
		 */
		TOKEN_INVALID,
		/** A permission is missing (200, 10 without a known subcode). */
		PERMISSION_MISSING,
		/** Too many calls (4, 17, 32, 613): back off. */
		RATE_LIMITED,
		/** A temporary failure (1, 2, 1200) or no proper answer: retry. */
		TRANSIENT,
		/** Outside the 24-hour window (10 / 2018278). */
		WINDOW_CLOSED,
		/** A PSID that this page does not know (100 / 2018001). */
		UNKNOWN_RECIPIENT,
		/** Any other refusal: the request itself was wrong. */
		REJECTED

	}

	public Kind kind() {
		if (this.code == 190) {
			return Kind.TOKEN_INVALID;
		}
		if (RATE_LIMITS.contains(this.code) && !(this.code == 4 && Integer.valueOf(2018354).equals(this.subcode))) {
			return Kind.RATE_LIMITED;
		}
		if (TRANSIENT.contains(this.code) || this.code < 0) {
			return Kind.TRANSIENT;
		}
		if (this.code == 10 && Integer.valueOf(2018278).equals(this.subcode)) {
			return Kind.WINDOW_CLOSED;
		}
		if (this.code == 100 && Integer.valueOf(2018001).equals(this.subcode)) {
			return Kind.UNKNOWN_RECIPIENT;
		}
		if (this.code == 200 || (this.code == 10 && this.subcode == null)) {
			return Kind.PERMISSION_MISSING;
		}
		return Kind.REJECTED;
	}

	/** The HTTP status Graph answered with (0 when there was no answer). */
	public int status() {
		return this.status;
	}

	/** Graph's error code; -1 when the answer was not Graph's error object. */
	public int code() {
		return this.code;
	}

	public @Nullable Integer subcode() {
		return this.subcode;
	}

	public @Nullable String traceId() {
		return this.traceId;
	}

	static GraphFailure noProperAnswer(int status, String what) {
		return new GraphFailure(status, -1, null, what, null);
	}

}
