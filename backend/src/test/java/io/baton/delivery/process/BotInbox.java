package io.baton.delivery.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.baton.delivery.process.MessengerTraffic.Message;
import io.baton.testing.WebhookReceiver;

/**
 * What a bot received from Baton, POST by POST in the order they arrived: the delivery id
 * and attempt Baton sent with each, and the message inside.
 */
record BotInbox(List<Post> posts) {

	static BotInbox of(WebhookReceiver bot) {
		return new BotInbox(bot.deliveries()
			.stream()
			.map((delivery) -> new Post(Long.parseLong(delivery.deliveryId()), Integer.parseInt(delivery.attempt()),
					Message.ofMid(delivery.json()
						.path("entry")
						.get(0)
						.path("messaging")
						.get(0)
						.path("message")
						.path("mid")
						.asString())))
			.toList());
	}

	Set<Message> messages() {
		return this.posts.stream().map(Post::message).collect(Collectors.toSet());
	}

	long distinctDeliveryIds() {
		return this.posts.stream().map(Post::deliveryId).distinct().count();
	}

	/** The delivery ids each message came under. */
	Map<Message, Set<Long>> deliveryIdsByMessage() {
		return this.posts.stream()
			.collect(Collectors.groupingBy(Post::message, Collectors.mapping(Post::deliveryId, Collectors.toSet())));
	}

	/**
	 * Each person's messages as the bot received them, in order of arrival (repeats
	 * included).
	 */
	Map<String, List<Integer>> conversations() {
		return this.posts.stream()
			.collect(Collectors.groupingBy((post) -> post.message().psid(), LinkedHashMap::new,
					Collectors.mapping((post) -> post.message().number(), Collectors.toList())));
	}

	/** One POST to the bot. */
	record Post(long deliveryId, int attempt, Message message) {
	}

}
