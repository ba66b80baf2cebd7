package io.baton.apps;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.resolver.HostsFileEntriesResolver;
import io.netty.resolver.ResolvedAddressTypes;
import org.jspecify.annotations.Nullable;

/**
 * Host names answered as a hosts file answers them, before DNS is asked, and changed at
 * will: a name can resolve one way when an endpoint is saved and another when Baton
 * connects, as a rebinding DNS server makes it. Other names are the machine's hosts
 * file's ({@code localhost}).
 */
class HostsTable implements HostsFileEntriesResolver {

	private final Map<String, InetAddress> entries = new ConcurrentHashMap<>();

	HostsTable with(String name, String address) {
		try {
			this.entries.put(name.toLowerCase(Locale.ROOT), InetAddress.getByName(address));
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(address + " is not an address", ex);
		}
		return this;
	}

	@Override
	public @Nullable InetAddress address(String name, ResolvedAddressTypes types) {
		InetAddress entry = this.entries.get(name.toLowerCase(Locale.ROOT));
		return (entry != null) ? entry : DEFAULT.address(name, types);
	}

}
