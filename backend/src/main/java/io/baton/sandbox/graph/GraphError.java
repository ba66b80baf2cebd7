package io.baton.sandbox.graph;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * A failure Graph reports as {@code {"error": {...}}}; each known situation is a named
 * factory with Facebook's code, subcode and wording. {@link GraphErrors} renders it.
 */
public class GraphError extends RuntimeException {

	private static final DateTimeFormatter EXPIRY = DateTimeFormatter
		.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final int code;

	private final @Nullable Integer subcode;

	public GraphError(int code, @Nullable Integer subcode, String message) {
		super(message, null, false, false);
		this.code = code;
		this.subcode = subcode;
	}

	public static GraphError missingClientId() {
		return new GraphError(101, null, "Missing client_id parameter.");
	}

	public static GraphError unknownApp() {
		return new GraphError(101, null, "Error validating application. Invalid application ID.");
	}

	public static GraphError wrongClientSecret() {
		return new GraphError(1, null, "Error validating client secret.");
	}

	public static GraphError missingRedirectUri() {
		return new GraphError(191, null, "Missing redirect_uri parameter.");
	}

	public static GraphError badCode() {
		return new GraphError(100, null, "Invalid verification code format.");
	}

	public static GraphError usedCode() {
		return new GraphError(100, 36009, "This authorization code has been used.");
	}

	public static GraphError expiredCode() {
		return new GraphError(100, 36007, "This authorization code has expired.");
	}

	public static GraphError redirectUriMismatch() {
		return new GraphError(100, 36008, "Error validating verification code."
				+ " Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request");
	}

	public static GraphError unsupportedGrantType() {
		return new GraphError(100, null, "(#100) Invalid parameter grant_type");
	}

	public static GraphError missingParameter(String name) {
		return new GraphError(100, null, "(#100) param " + name + " must be non-empty.");
	}

	public static GraphError nonexistingField(String field) {
		return new GraphError(100, null,
				"(#100) Tried accessing nonexisting field (" + field + ") on node type (User)");
	}

	public static GraphError invalidToken() {
		return new GraphError(190, null, "Invalid OAuth access token.");
	}

	public static GraphError expiredToken(Instant expiredAt, Instant now) {
		return new GraphError(190, 463, "Error validating access token: Session has expired on "
				+ EXPIRY.format(expiredAt) + ". The current time is " + EXPIRY.format(now) + ".");
	}

	public static GraphError deauthorized(String appId) {
		return new GraphError(190, 458,
				"Error validating access token: The user has not authorized application " + appId + ".");
	}

	public static GraphError sessionInvalidated() {
		return new GraphError(190, 460, "Error validating access token: The session has been invalidated"
				+ " because the user changed their password or Facebook has changed the session for security reasons.");
	}

	public static GraphError noUserToken() {
		return new GraphError(2500, null,
				"An active access token must be used to query information about the current user.");
	}

	public static GraphError appsecretProofInvalid() {
		return new GraphError(100, null, "Invalid appsecret_proof provided in the API argument");
	}

	public static GraphError appsecretProofMissing() {
		return new GraphError(100, null, "API calls from the server require an appsecret_proof argument");
	}

	public int code() {
		return this.code;
	}

	@Nullable Integer subcode() {
		return this.subcode;
	}

	/** 500 for codes 1 and 2 (unknown and service errors), 400 for every other. */
	HttpStatus status() {
		return (this.code == 1 || this.code == 2) ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
	}

}
