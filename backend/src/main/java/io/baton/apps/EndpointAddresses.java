package io.baton.apps;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;

/**
 * What kind of place a host name or an address is, as far as a bot endpoint goes: public
 * unicast, loopback, link-local (where clouds serve instance metadata), or otherwise not
 * public (private, shared, multicast, reserved, cluster-internal names).
 */
final class EndpointAddresses {

	enum Kind {

		PUBLIC, LOOPBACK, LINK_LOCAL, NOT_PUBLIC

	}

	private static final List<IpSubnetFilterRule> LOOPBACK = ranges("127.0.0.0/8", "::1/128");

	/** Includes 169.254.169.254, the metadata service of AWS, GCP and Azure. */
	private static final List<IpSubnetFilterRule> LINK_LOCAL = ranges("169.254.0.0/16", "fe80::/10");

	private static final List<IpSubnetFilterRule> NOT_PUBLIC = ranges(
			// unspecified ("this network"), private, shared (CGNAT), IETF protocol
			// assignments, benchmarking, multicast, reserved and broadcast
			"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "172.16.0.0/12", "192.0.0.0/24", "192.168.0.0/16",
			"198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4",
			// unspecified, discard-only, unique-local, site-local (deprecated), multicast
			"::/128", "100::/64", "fc00::/7", "fec0::/10", "ff00::/8");

	/** Names that only mean something inside a network, never on the internet. */
	private static final List<String> INTERNAL_SUFFIXES = List.of(".localhost", ".local", ".localdomain", ".internal",
			".intranet", ".lan", ".home", ".corp", ".home.arpa", ".svc", ".cluster.local");

	private EndpointAddresses() {
	}

	static Kind of(InetAddress address) {
		if (address.isLoopbackAddress()) {
			return Kind.LOOPBACK;
		}
		InetAddress judged = embeddedIpv4(address);
		InetSocketAddress socket = new InetSocketAddress(judged, 0);
		if (LINK_LOCAL.stream().anyMatch((range) -> range.matches(socket))) {
			return Kind.LINK_LOCAL;
		}
		if (LOOPBACK.stream().anyMatch((range) -> range.matches(socket))) {
			return Kind.LOOPBACK;
		}
		return NOT_PUBLIC.stream().anyMatch((range) -> range.matches(socket)) ? Kind.NOT_PUBLIC : Kind.PUBLIC;
	}

	/** {@code localhost}, a name of one label, or one under an internal suffix. */
	static boolean internalName(String host) {
		if (isAddress(host)) {
			return false;
		}
		String name = host.toLowerCase(Locale.ROOT);
		return !name.contains(".") || name.equals("localhost")
				|| INTERNAL_SUFFIXES.stream().anyMatch((suffix) -> name.endsWith(suffix));
	}

	static boolean isAddress(String host) {
		return NetUtil.isValidIpV4Address(host) || NetUtil.isValidIpV6Address(host);
	}

	/**
	 * The IPv4 address an IPv6 address carries (IPv4-mapped, IPv4-compatible, NAT64,
	 * 6to4), which is where a connection to it ends up; otherwise the address itself.
	 */
	private static InetAddress embeddedIpv4(InetAddress address) {
		if (!(address instanceof Inet6Address)) {
			return address;
		}
		byte[] bytes = address.getAddress();
		boolean zeroPrefix = allZero(bytes, 0, 10);
		boolean mapped = zeroPrefix && bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
		boolean compatible = zeroPrefix && bytes[10] == 0 && bytes[11] == 0 && !allZero(bytes, 12, 16);
		boolean nat64 = bytes[0] == 0 && bytes[1] == 0x64 && bytes[2] == (byte) 0xff && bytes[3] == (byte) 0x9b
				&& allZero(bytes, 4, 12);
		if (mapped || compatible || nat64) {
			return ipv4(Arrays.copyOfRange(bytes, 12, 16));
		}
		if (bytes[0] == 0x20 && bytes[1] == 0x02) {
			return ipv4(Arrays.copyOfRange(bytes, 2, 6));
		}
		return address;
	}

	private static boolean allZero(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

	private static InetAddress ipv4(byte[] bytes) {
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("Four bytes are always an IPv4 address", ex);
		}
	}

	private static List<IpSubnetFilterRule> ranges(String... cidrs) {
		return Arrays.stream(cidrs).map((cidr) -> new IpSubnetFilterRule(cidr, IpFilterRuleType.REJECT)).toList();
	}

}
