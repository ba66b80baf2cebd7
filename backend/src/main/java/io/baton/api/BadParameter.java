package io.baton.api;

/** A path variable or query parameter the API cannot use; the message says which. */
public class BadParameter extends RuntimeException {

	public BadParameter(String message) {
		super(message);
	}

	/** A positive whole number, as ids and cursors are; anything else is refused. */
	public static long positiveNumber(String name, String text) {
		try {
			long value = Long.parseLong(text.strip());
			if (value > 0) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new BadParameter(name + " must be a positive whole number.");
	}

}
