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
		return nonexistingField(field, "User");
	}

	public static GraphError nonexistingField(String field, String nodeType) {
		return new GraphError(100, null,
				"(#100) Tried accessing nonexisting field (" + field + ") on node type (" + nodeType + ")");
	}

	/**
	 * {@code GET /{id}} (or another method) on an id that is unknown or hidden from the
	 * caller.
	 */
	public static GraphError unsupportedRequest(String method, String id) {
		return new GraphError(100, 33, "Unsupported " + method + " request. Object with ID '" + id
				+ "' does not exist, cannot be loaded due to missing permissions, or does not support this operation."
				+ " Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api");
	}

	public static GraphError tokenRequired() {
		return new GraphError(104, null, "An access token is required to request this resource.");
	}

	public static GraphError invalidParameter(String detail) {
		return new GraphError(100, null, "(#100) " + detail);
	}

	public static GraphError permissionRequired(String permission) {
		return new GraphError(200, null, "(#200) Requires " + permission + " permission to manage the object");
	}

	public static GraphError appTokenRequired() {
		return new GraphError(15, null, "(#15) This method must be called with an app access_token.");
	}

	public static GraphError pageTokenRequired() {
		return new GraphError(210, null, "(#210) A page access token is required to request this resource.");
	}

	public static GraphError debugTokenCallerRequired() {
		return new GraphError(100, null, "(#100) You must provide an app access token,"
				+ " or a user access token that is an owner or developer of the app");
	}

	public static GraphError callbackVerificationFailed(String detail) {
		return new GraphError(2200, null, "(#2200) callback verification failed: " + detail);
	}

	public static GraphError roleLost() {
		return new GraphError(190, null, "Error validating access token: The user must be an administrator,"
				+ " editor, or moderator of the page in order to impersonate it.");
	}

	public static GraphError permissionRevoked() {
		return new GraphError(190, null,
				"Error validating access token: The user has not granted the permissions this token needs.");
	}

	public static GraphError serverError() {
		return new GraphError(2, null, "An unexpected error has occurred. Please retry your request later.");
	}

	public static GraphError appRateLimit() {
		return new GraphError(4, null, "(#4) Application request limit reached");
	}

	public static GraphError pageRateLimit() {
		return new GraphError(32, null, "(#32) Page request limit reached");
	}

	public static GraphError sendRateLimit() {
		return new GraphError(613, null, "(#613) Calls to this api have exceeded the rate limit.");
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

	public @Nullable Integer subcode() {
		return this.subcode;
	}

	/** 500 for codes 1 and 2 (unknown and service errors), 400 for every other. */
	public HttpStatus status() {
		return (this.code == 1 || this.code == 2) ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
	}

}
