package io.baton.delivery.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.baton.testing.WebhookBodies.batch;
import static io.baton.testing.WebhookBodies.message;

/**
 * What Facebook would send one page: several people writing at once, each message with
 * its own mid ({@code m_{psid}_{n}}, numbered in the order the person wrote). The traffic
 * comes as one stream of batches per sender thread; each stream carries the messages of
 * its own people only, so a stream posted batch after batch keeps each conversation in
 * order.
 */
final class MessengerTraffic {

	private final List<List<Batch>> streams;

	private MessengerTraffic(List<List<Batch>> streams) {
		this.streams = streams;
	}

	/**
	 * {@code streams} streams of {@code batchesPerStream} batches, each batch one to four
	 * messages from {@code peoplePerStream} people of the stream.
	 */
	static MessengerTraffic toPage(String pageId, int streams, int peoplePerStream, int batchesPerStream, long seed) {
		Random random = new Random(seed);
		List<List<Batch>> all = new ArrayList<>();
		for (int stream = 0; stream < streams; stream++) {
			int[] written = new int[peoplePerStream];
			List<Batch> batches = new ArrayList<>();
			for (int number = 0; number < batchesPerStream; number++) {
				List<Message> messages = new ArrayList<>();
				for (int count = 1 + random.nextInt(4); count > 0; count--) {
					int person = random.nextInt(peoplePerStream);
					String psid = "6" + stream + "0" + person;
					messages.add(new Message(psid, ++written[person]));
				}
				batches.add(Batch.of(pageId, messages));
			}
			all.add(batches);
		}
		return new MessengerTraffic(all);
	}

	List<List<Batch>> streams() {
		return this.streams;
	}

	int batches() {
		return this.streams.stream().mapToInt(List::size).sum();
	}

	List<Message> messages() {
		return this.streams.stream().flatMap(List::stream).flatMap((batch) -> batch.messages().stream()).toList();
	}

	/** One message of a person to the page. */
	record Message(String psid, int number) {

		String mid() {
			return "m_" + this.psid + "_" + this.number;
		}

		static Message ofMid(String mid) {
			String[] parts = mid.split("_");
			return new Message(parts[1], Integer.parseInt(parts[2]));
		}

	}

	/** One webhook POST's body and the messages in it. */
	record Batch(String body, List<Message> messages) {

		static Batch of(String pageId, List<Message> messages) {
			return new Batch(batch(pageId,
					messages.stream()
						.map((message) -> message(pageId, message.psid(), message.mid(), "text " + message.number()))
						.toList()),
					List.copyOf(messages));
		}

	}

}
