package io.baton.tenancy.web;

import java.util.HashMap;
import java.util.Map;

import reactor.core.publisher.Mono;

import io.baton.tenancy.SignIn;
import io.baton.tenancy.SignedInUser;
import io.baton.tenancy.UserId;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.userinfo.DefaultReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.stereotype.Component;

/**
 * After Facebook Login (or the sandbox's) proves who someone is, makes them a Baton user
 * and remembers Baton's user id in the principal.
 */
@Component
class FacebookSignIn implements ReactiveOAuth2UserService<OAuth2UserRequest, OAuth2User> {

	static final String USER_ID = "baton_user_id";

	private final ReactiveOAuth2UserService<OAuth2UserRequest, OAuth2User> provider = new DefaultReactiveOAuth2UserService();

	private final SignIn signIn;

	FacebookSignIn(SignIn signIn) {
		this.signIn = signIn;
	}

	@Override
	public Mono<OAuth2User> loadUser(OAuth2UserRequest request) {
		String registration = request.getClientRegistration().getRegistrationId();
		return this.provider.loadUser(request)
			.flatMap((identity) -> this.signIn.signIn(registration, identity.getName(), displayName(identity))
				.map((user) -> withBatonUser(identity, user)));
	}

	static Mono<SignedInUser> signedInUser(Authentication authentication) {
		if (authentication.getPrincipal() instanceof OAuth2User principal
				&& principal.getAttribute(USER_ID) instanceof String id) {
			return Mono.justOrEmpty(UserId.parse(id)).map((userId) -> new SignedInUser(userId, displayName(principal)));
		}
		return Mono.empty();
	}

	private static String displayName(OAuth2User identity) {
		Object name = identity.getAttribute("name");
		return (name instanceof String text && !text.isBlank()) ? text : "Facebook user " + identity.getName();
	}

	private static OAuth2User withBatonUser(OAuth2User identity, SignedInUser user) {
		Map<String, Object> attributes = new HashMap<>(identity.getAttributes());
		attributes.put(USER_ID, user.id().toString());
		attributes.put("name", user.name());
		return new DefaultOAuth2User(identity.getAuthorities(), attributes, "id");
	}

}
