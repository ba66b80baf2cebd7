package io.baton.sandbox.messenger.send;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.accounts.SandboxUsers;
import io.baton.sandbox.graph.Caller;
import io.baton.sandbox.graph.GraphError;
import io.baton.sandbox.graph.GraphNode;
import io.baton.sandbox.graph.GraphRequest;
import io.baton.sandbox.messenger.MessengerErrors;
import io.baton.sandbox.messenger.Psids;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * {@code GET /{psid}}: the person as the page sees them, readable only with a token of
 * that page.
 */
@Component
@ConditionalOnSandbox
class PsidProfiles implements GraphNode {

	static final List<String> FIELDS = List.of("id", "first_name", "last_name", "name", "profile_pic", "locale",
			"timezone");

	private static final List<String> DEFAULT_FIELDS = List.of("first_name", "last_name", "profile_pic", "id");

	private final Psids psids;

	private final SandboxUsers users;

	PsidProfiles(Psids psids, SandboxUsers users) {
		this.psids = psids;
		this.users = users;
	}

	@Override
	public Mono<Map<String, Object>> read(String id, Caller caller, GraphRequest request) {
		return this.psids.find(id).flatMap((psid) -> {
			if (!psid.pageId().equals(caller.pageId())) {
				return Mono.error(MessengerErrors.noMatchingUser());
			}
			List<String> fields = fields(request.parameter("fields"));
			return this.users.find(psid.userId()).map((user) -> profile(id, user.name(), fields));
		});
	}

	private static Map<String, Object> profile(String psid, String name, List<String> fields) {
		String[] names = name.strip().split("\\s+", 2);
		Map<String, Object> profile = new LinkedHashMap<>();
		for (String field : fields) {
			switch (field) {
				case "first_name" -> profile.put(field, names[0]);
				case "last_name" -> profile.put(field, (names.length > 1) ? names[1] : "");
				case "name" -> profile.put(field, name);
				case "profile_pic" ->
					profile.put(field, "https://platform-lookaside.fbsbx.com/platform/profilepic/?psid=" + psid
							+ "&width=1024&ext=1&hash=sandbox");
				case "locale" -> profile.put(field, "en_US");
				case "timezone" -> profile.put(field, 0);
				default -> {
				}
			}
		}
		profile.put("id", psid);
		return profile;
	}

	private static List<String> fields(String requested) {
		if (requested.isBlank()) {
			return DEFAULT_FIELDS;
		}
		List<String> fields = List.of(requested.strip().split("\\s*,\\s*"));
		fields.stream().filter((field) -> !FIELDS.contains(field)).findFirst().ifPresent((unknown) -> {
			throw new GraphError(100, null,
					"(#100) Tried accessing nonexisting field (" + unknown + ") on node type (User)");
		});
		return fields;
	}

}
