package io.baton.sandbox;

import java.security.SecureRandom;

/** Unguessable strings for the sandbox's codes, tokens, session ids and trace ids. */
public final class RandomTokens {

	private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
		.toCharArray();

	private static final SecureRandom random = new SecureRandom();

	private RandomTokens() {
	}

	/** {@code prefix} followed by {@code length} random letters and digits. */
	public static String next(String prefix, int length) {
		StringBuilder token = new StringBuilder(prefix.length() + length).append(prefix);
		for (int i = 0; i < length; i++) {
			token.append(ALPHABET[random.nextInt(ALPHABET.length)]);
		}
		return token.toString();
	}

}
