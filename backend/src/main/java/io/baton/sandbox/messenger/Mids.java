package io.baton.sandbox.messenger;

import io.baton.sandbox.RandomTokens;

/** Message ids as Messenger writes them ({@code m_…}). */
public final class Mids {

	private Mids() {
	}

	public static String next() {
		return RandomTokens.next("m_", 43);
	}

}
