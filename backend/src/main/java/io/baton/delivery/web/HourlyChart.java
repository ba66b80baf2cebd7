package io.baton.delivery.web;

import java.util.ArrayList;
import java.util.List;

import io.baton.delivery.DeliveryFigures;
import io.baton.web.Dates;

/**
 * An app's hours drawn as SVG on the server (no script, no CDN): a bar per hour of
 * events, its delivered part in green and the failed attempts in red above, with the p95
 * end-to-end latency as a line on its own scale.
 */
public record HourlyChart(int width, int height, List<Bar> bars, String latencyPoints, long maxEvents,
		double maxLatencyMs, String firstLabel, String lastLabel) {

	private static final int WIDTH = 720;

	private static final int HEIGHT = 160;

	static HourlyChart of(List<DeliveryFigures.Hour> hours) {
		long maxEvents = 1;
		double maxLatency = 1;
		for (DeliveryFigures.Hour hour : hours) {
			maxEvents = Math.max(maxEvents, Math.max(hour.events(), hour.delivered() + hour.failedAttempts()));
			if (hour.endToEndP95() != null) {
				maxLatency = Math.max(maxLatency, hour.endToEndP95());
			}
		}
		double slot = (double) WIDTH / Math.max(1, hours.size());
		List<Bar> bars = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < hours.size(); i++) {
			DeliveryFigures.Hour hour = hours.get(i);
			double x = i * slot + 1;
			double delivered = HEIGHT * hour.delivered() / (double) maxEvents;
			double undelivered = HEIGHT * Math.max(0, hour.events() - hour.delivered()) / (double) maxEvents;
			double failed = HEIGHT * hour.failedAttempts() / (double) maxEvents;
			bars.add(new Bar(round(x), round(slot - 2), round(HEIGHT - delivered), round(delivered),
					round(HEIGHT - delivered - undelivered), round(undelivered),
					round(HEIGHT - delivered - undelivered - failed), round(failed),
					Dates.format(hour.start()) + ": " + hour.events() + " events, " + hour.delivered() + " delivered, "
							+ hour.failedAttempts() + " failed attempts" + ((hour.endToEndP95() != null)
									? ", p95 end to end " + Math.round(hour.endToEndP95()) + " ms" : "")));
			if (hour.endToEndP95() != null) {
				line.append(round(x + slot / 2))
					.append(',')
					.append(round(HEIGHT - HEIGHT * hour.endToEndP95() / maxLatency))
					.append(' ');
			}
		}
		String first = hours.isEmpty() ? "" : Dates.format(hours.get(0).start());
		String last = hours.isEmpty() ? "" : Dates.format(hours.get(hours.size() - 1).start());
		return new HourlyChart(WIDTH, HEIGHT, bars, line.toString().strip(), maxEvents, maxLatency, first, last);
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	/** One hour: its delivered, not (yet) delivered and failed-attempt segments. */
	public record Bar(double x, double width, double deliveredY, double deliveredHeight, double waitingY,
			double waitingHeight, double failedY, double failedHeight, String title) {
	}

}
