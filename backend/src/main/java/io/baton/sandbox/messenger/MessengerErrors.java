package io.baton.sandbox.messenger;

import io.baton.sandbox.graph.GraphError;

/** The Send API's, handover's and notifications' failures, as graph-api.md words them. */
public final class MessengerErrors {

	private MessengerErrors() {
	}

	public static GraphError noMatchingUser() {
		return new GraphError(100, 2018001, "(#100) No matching user found");
	}

	public static GraphError outsideWindow() {
		return new GraphError(10, 2018278,
				"(#10) This message is sent outside of allowed window. Learn more about the new policy here:"
						+ " https://developers.facebook.com/docs/messenger-platform/policy-overview");
	}

	public static GraphError invalidTag() {
		return new GraphError(100, null, "(#100) Param tag must be one of {CONFIRMED_EVENT_UPDATE,"
				+ " POST_PURCHASE_UPDATE, ACCOUNT_UPDATE, HUMAN_AGENT}");
	}

	public static GraphError invalidMessagingType() {
		return new GraphError(100, null, "(#100) Param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}");
	}

	public static GraphError emptyMessage() {
		return new GraphError(100, 2018034, "(#100) Message cannot be empty, must provide valid attachment or text");
	}

	public static GraphError textTooLong() {
		return new GraphError(100, null, "(#100) Length of param message[text] must be less than or equal to 2000");
	}

	public static GraphError invalidParameter(String detail) {
		return new GraphError(100, null, "(#100) Invalid parameter" + (detail.isEmpty() ? "" : ": " + detail));
	}

	public static GraphError missingParameter(String name) {
		return GraphError.missingParameter(name);
	}

	public static GraphError noPagesMessaging() {
		return new GraphError(200, null, "(#200) Requires pages_messaging permission to manage the object");
	}

	public static GraphError pageTokenRequired() {
		return new GraphError(210, null, "(#210) A page access token is required to request this resource.");
	}

	public static GraphError tokenRequired() {
		return new GraphError(104, null, "An access token is required to request this resource.");
	}

	public static GraphError unsupportedPost(String id) {
		return new GraphError(100, 33, "(#100) Unsupported post request. Object with ID '" + id
				+ "' does not exist, cannot be loaded due to missing permissions, or does not support this operation.");
	}

	public static GraphError anotherAppControls() {
		return new GraphError(10, 2018300,
				"(#10) Message failed to send because another app is controlling this thread now.");
	}

	public static GraphError notThreadOwner() {
		return new GraphError(100, 2534037, "(#100) The action is invalid since it's not the thread owner.");
	}

	public static GraphError noReceiverRole() {
		return new GraphError(100, 2018171, "(#100) Only available to Primary and Secondary Receivers.");
	}

	public static GraphError primaryOnly() {
		return new GraphError(10, null, "(#10) Only the Primary Receiver of this page may do this.");
	}

	public static GraphError invalidOtnToken() {
		return new GraphError(100, null, "(#100) Invalid one_time_notif_token");
	}

	public static GraphError otnNotEnabled() {
		return new GraphError(10, null,
				"(#10) This page does not have the One-Time Notification permission (Page Settings > Advanced Messaging).");
	}

	public static GraphError recurringNotEnabled() {
		return new GraphError(10, null,
				"(#10) This page does not have the recurring notifications permission (Page Settings > Advanced Messaging).");
	}

	public static GraphError invalidNotificationMessagesToken() {
		return new GraphError(100, null, "(#100) Invalid notification_messages_token");
	}

	public static GraphError notificationTooSoon() {
		return new GraphError(4, 2018354,
				"(#4) There has to be a minimum delay between 2 notifications to the same user for the same topic.");
	}

	public static GraphError notificationsStopped() {
		return new GraphError(10, 1893015,
				"(#10) This person has stopped receiving notification messages on this topic.");
	}

}
