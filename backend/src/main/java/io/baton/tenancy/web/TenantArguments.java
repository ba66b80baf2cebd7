package io.baton.tenancy.web;

import java.util.Map;

import reactor.core.publisher.Mono;

import io.baton.tenancy.CurrentTenant;
import io.baton.platform.NotFound;
import io.baton.tenancy.SignedInUser;
import io.baton.tenancy.TenantId;
import io.baton.tenancy.TenantManagement;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.ServerWebExchange;

/**
 * Resolves handler arguments of type {@link SignedInUser} (from the principal) and
 * {@link CurrentTenant} (the {@code tenantId} path variable entered as that user). A
 * tenant the user is not a member of is {@link NotFound}, exactly like one that does not
 * exist, so nothing reveals other tenants.
 */
@Configuration(proxyBeanMethods = false)
public class TenantArguments implements WebFluxConfigurer {

	/** Where the resolved tenant waits for the layout, so it is not looked up twice. */
	private static final String CURRENT_TENANT = TenantArguments.class.getName() + ".current";

	private final TenantManagement tenants;

	TenantArguments(TenantManagement tenants) {
		this.tenants = tenants;
	}

	@Override
	public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
		configurer.addCustomResolver(new SignedInUserResolver());
		configurer.addCustomResolver(new CurrentTenantResolver());
	}

	static Mono<SignedInUser> signedInUser() {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.flatMap(FacebookSignIn::signedInUser);
	}

	/**
	 * The tenant the handler of this request entered, once its {@link CurrentTenant}
	 * argument is resolved; empty before that and on pages outside a tenant.
	 */
	public static Mono<CurrentTenant> enteredTenant(ServerWebExchange exchange) {
		return Mono.justOrEmpty(exchange.<CurrentTenant>getAttribute(CURRENT_TENANT));
	}

	Mono<CurrentTenant> currentTenant(ServerWebExchange exchange) {
		Map<String, String> variables = exchange.getAttributeOrDefault(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE,
				Map.of());
		Mono<TenantId> tenantId = Mono.justOrEmpty(variables.get("tenantId"))
			.flatMap((id) -> Mono.justOrEmpty(TenantId.parse(id)));
		return signedInUser().flatMap((user) -> tenantId.flatMap((tenant) -> this.tenants.enter(user, tenant)))
			.switchIfEmpty(Mono.error(() -> new NotFound("No such tenant.")));
	}

	private static final class SignedInUserResolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == SignedInUser.class;
		}

		@Override
		public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context,
				ServerWebExchange exchange) {
			return signedInUser().cast(Object.class);
		}

	}

	private final class CurrentTenantResolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == CurrentTenant.class;
		}

		@Override
		public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context,
				ServerWebExchange exchange) {
			return currentTenant(exchange).doOnNext((current) -> {
				context.getModel().addAttribute("current", current);
				exchange.getAttributes().put(CURRENT_TENANT, current);
			}).cast(Object.class);
		}

	}

}
