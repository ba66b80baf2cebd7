package io.baton.graph;

import java.util.List;

import io.baton.secrets.Secret;

/** A page the person manages, from {@code /me/accounts}, with its page token. */
public record PageAccount(PageId id, String name, String category, List<String> tasks, Secret pageToken) {

	@Override
	public String toString() {
		return "PageAccount[" + this.id + ", " + this.name + "]";
	}

}
