package io.baton.botapi;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * Baton answering a bot's Graph call itself, in Graph's own words: each situation a named
 * factory with the code, subcode and wording Facebook uses for it.
 */
final class GraphRefusal extends RuntimeException {

	private static final String GRAPH_DOCS = "Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api";

	private final int code;

	private final @Nullable Integer subcode;

	private GraphRefusal(int code, @Nullable Integer subcode, String message) {
		super(message, null, false, false);
		this.code = code;
		this.subcode = subcode;
	}

	static GraphRefusal tokenRequired() {
		return new GraphRefusal(104, null, "An access token is required to request this resource.");
	}

	static GraphRefusal unknownKey() {
		return new GraphRefusal(190, null, "Invalid OAuth access token.");
	}

	static GraphRefusal revokedKey() {
		return new GraphRefusal(190, null, "Error validating access token: This key has been revoked.");
	}

	/** Graph's app rate limit, for an address that has sent too many bad keys. */
	static GraphRefusal tooManyBadKeys() {
		return new GraphRefusal(4, null,
				"(#4) Application request limit reached: too many unknown or revoked keys from this address");
	}

	static GraphRefusal appsecretProofInvalid() {
		return new GraphRefusal(100, null, "Invalid appsecret_proof provided in the API argument");
	}

	/** Baton's own rule: {@code me} must name one page. */
	static GraphRefusal severalPages() {
		return new GraphRefusal(100, null,
				"(#100) This key serves several pages: use /{page-id}/… or a key limited to one page");
	}

	/**
	 * What Graph answers for an object the token may not reach (another page, a page the
	 * app is not connected to) and for an operation it does not support.
	 */
	static GraphRefusal unsupported(String method, String id) {
		return new GraphRefusal(100, 33, "Unsupported " + method.toLowerCase(java.util.Locale.ROOT)
				+ " request. Object with ID '" + id
				+ "' does not exist, cannot be loaded due to missing permissions, or does not support this operation. "
				+ GRAPH_DOCS);
	}

	/** A node that is neither an id nor {@code me}. */
	static GraphRefusal unknownAlias(String alias) {
		return new GraphRefusal(803, null, "(#803) Some of the aliases you requested do not exist: " + alias);
	}

	static GraphRefusal invalidParameter(String detail) {
		return new GraphRefusal(100, null, "(#100) " + detail);
	}

	/** Graph did not answer (or not as Graph does): Graph's own temporary failure. */
	static GraphRefusal unexpected() {
		return new GraphRefusal(2, null, "An unexpected error has occurred. Please retry your request later.");
	}

	int code() {
		return this.code;
	}

	@Nullable Integer subcode() {
		return this.subcode;
	}

	/** 500 for codes 1 and 2, as Graph answers them; 400 for every other. */
	HttpStatus status() {
		return (this.code == 1 || this.code == 2) ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
	}

}
