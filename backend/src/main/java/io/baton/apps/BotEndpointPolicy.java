package io.baton.apps;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.HostsFileEntriesResolver;
import io.netty.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.HttpResources;
import reactor.netty.transport.NameResolverProvider;

import io.baton.platform.BatonSettings;
import io.baton.platform.Rejected;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Where a bot endpoint may be, so that Baton's POSTs cannot be aimed at its own network:
 * {@code https://} on port 443 (or {@code endpoint-ports}), no user name or password, and
 * a host whose addresses are all public unicast: never loopback, private, shared (CGNAT),
 * link-local (cloud metadata), unique-local, multicast or reserved, in any IPv6 form, nor
 * a cluster-internal name. With {@code local-endpoints} (the sandbox) {@code http://},
 * loopback on any port and Baton's own public URL are allowed too; link-local never.
 * <p>
 * The rule is applied when an endpoint is saved and again on every connection, through
 * {@link #connections()}, so what a name resolves to later cannot slip past it.
 */
@Component
public class BotEndpointPolicy implements DisposableBean {

	private static final int HTTPS = 443;

	private static final int HTTP = 80;

	private final AppsSettings settings;

	private final URI own;

	private final AddressResolverGroup<InetSocketAddress> dns;

	private final CheckedAddressResolverGroup connections;

	@Autowired
	public BotEndpointPolicy(AppsSettings settings, BatonSettings baton) {
		this(settings, baton, HostsFileEntriesResolver.DEFAULT);
	}

	/**
	 * With the host names of {@code hosts} answered before DNS is asked, as a hosts file.
	 */
	BotEndpointPolicy(AppsSettings settings, BatonSettings baton, HostsFileEntriesResolver hosts) {
		this.settings = settings;
		this.own = baton.publicUrl();
		this.dns = NameResolverProvider.builder()
			.hostsFileEntriesResolver(hosts)
			// Bot endpoints are names on the internet, never relative to a cluster's
			// domain.
			.searchDomains(List.of())
			.build()
			.newNameResolverGroup(HttpResources.get(), true);
		this.connections = new CheckedAddressResolverGroup(this.dns, this::refusalToConnect);
	}

	/**
	 * The resolver a bot's HTTP client connects through: it answers only addresses this
	 * policy allows and fails with {@link EndpointRefused} when none is left.
	 */
	public AddressResolverGroup<InetSocketAddress> connections() {
		return this.connections;
	}

	/** The endpoint to save, none for blank text; {@link Rejected} with the reason. */
	Mono<Optional<String>> check(@Nullable String text) {
		String clean = (text != null) ? text.strip() : "";
		if (clean.isEmpty()) {
			return Mono.just(Optional.empty());
		}
		URI uri;
		try {
			uri = URI.create(clean);
		}
		catch (IllegalArgumentException ex) {
			return Mono.error(new Rejected("The bot endpoint is not a URL."));
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (uri.getHost() == null || !(scheme.equals("https") || (scheme.equals("http") && local()))) {
			return Mono.error(new Rejected(local() ? "The bot endpoint must be an http(s) URL."
					: "The bot endpoint must be an https:// URL."));
		}
		if (uri.getRawUserInfo() != null) {
			return Mono.error(new Rejected("The bot endpoint must not contain a user name or password."));
		}
		String host = host(uri.getHost());
		int port = (uri.getPort() != -1) ? uri.getPort() : defaultPort(scheme);
		Refusal byName = refusalByName(host, port);
		if (byName != null) {
			return Mono.error(rejected(byName, host));
		}
		return resolve(host, port).flatMap((addresses) -> firstRefusal(host, addresses)
			.map((refusal) -> Mono.<Optional<String>>error(rejected(refusal, host)))
			.orElseGet(() -> Mono.just(Optional.of(clean))));
	}

	@Override
	public void destroy() {
		this.connections.close();
		this.dns.close();
	}

	/** Every address of the host must be allowed, not just one. */
	private Optional<Refusal> firstRefusal(String host, List<InetSocketAddress> addresses) {
		return addresses.stream().map((address) -> refusal(host, address)).filter(Objects::nonNull).findFirst();
	}

	private @Nullable EndpointRefused refusalToConnect(String host, InetSocketAddress address) {
		Refusal refusal = refusal(host(host), address);
		return (refusal != null) ? new EndpointRefused(refusal.connecting) : null;
	}

	private @Nullable Refusal refusal(String host, InetSocketAddress address) {
		EndpointAddresses.Kind kind = EndpointAddresses.of(address.getAddress());
		if (kind == EndpointAddresses.Kind.LINK_LOCAL) {
			return Refusal.NOT_PUBLIC;
		}
		if (isOwn(host, address.getPort())) {
			return null;
		}
		Refusal byName = refusalByName(host, address.getPort());
		if (byName != null) {
			return byName;
		}
		return switch (kind) {
			case PUBLIC -> allowedPort(address.getPort()) ? null : Refusal.PORT;
			case LOOPBACK -> local() ? null : Refusal.NOT_PUBLIC;
			case LINK_LOCAL, NOT_PUBLIC -> Refusal.NOT_PUBLIC;
		};
	}

	private @Nullable Refusal refusalByName(String host, int port) {
		if (isOwn(host, port) || (local() && host.equals("localhost"))) {
			return null;
		}
		return EndpointAddresses.internalName(host) ? Refusal.NOT_PUBLIC : null;
	}

	/** Baton's own public URL, where the sandbox's demo bot is; only in local mode. */
	private boolean isOwn(String host, int port) {
		String scheme = (this.own.getScheme() != null) ? this.own.getScheme() : "https";
		int ownPort = (this.own.getPort() != -1) ? this.own.getPort() : defaultPort(scheme);
		return local() && this.own.getHost() != null && host(this.own.getHost()).equals(host) && ownPort == port;
	}

	private boolean allowedPort(int port) {
		return port == HTTPS || (local() && port == HTTP) || this.settings.endpointPorts().contains(port);
	}

	private boolean local() {
		return this.settings.localEndpoints();
	}

	private Mono<List<InetSocketAddress>> resolve(String host, int port) {
		Future<List<InetSocketAddress>> resolving = this.dns.getResolver(HttpResources.get().onClient(true).next())
			.resolveAll(InetSocketAddress.createUnresolved(host, port));
		return Mono.<List<InetSocketAddress>>create((sink) -> resolving.addListener((done) -> {
			if (resolving.isSuccess()) {
				sink.success(resolving.getNow());
			}
			else {
				sink.error(rejected(Refusal.NOT_PUBLIC, host));
			}
		}));
	}

	private Rejected rejected(Refusal refusal, String host) {
		String ports = Stream.concat(Stream.of(HTTPS), this.settings.endpointPorts().stream())
			.map(String::valueOf)
			.collect(Collectors.joining(", "));
		return new Rejected(switch (refusal) {
			case NOT_PUBLIC -> "The bot endpoint must be at a public address, and " + host
					+ " does not resolve to public addresses only.";
			case PORT -> "The bot endpoint must use port " + ports + ".";
		});
	}

	/** The host as compared: lower case, without IPv6 brackets or a final dot. */
	private static String host(String host) {
		String bare = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		bare = bare.endsWith(".") ? bare.substring(0, bare.length() - 1) : bare;
		return bare.toLowerCase(Locale.ROOT);
	}

	private static int defaultPort(String scheme) {
		return scheme.equals("http") ? HTTP : HTTPS;
	}

	private enum Refusal {

		NOT_PUBLIC("Refused: the address is not public"), PORT("Refused: the port is not allowed");

		final String connecting;

		Refusal(String connecting) {
			this.connecting = connecting;
		}

	}

}
