package io.baton.apps;

import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Function;

import io.netty.resolver.AbstractAddressResolver;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import org.jspecify.annotations.Nullable;

/**
 * Resolves as {@code dns} does, then keeps only the addresses {@code policy} allows, so a
 * connection goes to an address that was checked just before (a name that answered a
 * public address when the endpoint was saved and a private one now is refused). With none
 * left, the resolution fails with {@link EndpointRefused}. Addresses given as literals
 * are checked too: none counts as resolved already.
 */
class CheckedAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {

	/** Whether a connection to {@code address} for host name {@code host} may open. */
	interface Check {

		@Nullable EndpointRefused refusal(String host, InetSocketAddress address);

	}

	private final AddressResolverGroup<InetSocketAddress> dns;

	private final Check check;

	CheckedAddressResolverGroup(AddressResolverGroup<InetSocketAddress> dns, Check check) {
		this.dns = dns;
		this.check = check;
	}

	@Override
	protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
		return new CheckedResolver(executor, this.dns.getResolver(executor));
	}

	private final class CheckedResolver extends AbstractAddressResolver<InetSocketAddress> {

		private final AddressResolver<InetSocketAddress> dns;

		CheckedResolver(EventExecutor executor, AddressResolver<InetSocketAddress> dns) {
			super(executor, InetSocketAddress.class);
			this.dns = dns;
		}

		@Override
		protected boolean doIsResolved(InetSocketAddress address) {
			return false;
		}

		@Override
		protected void doResolve(InetSocketAddress unresolved, Promise<InetSocketAddress> promise) {
			relay(resolveAndCheck(unresolved), promise, (allowed) -> allowed.get(0));
		}

		@Override
		protected void doResolveAll(InetSocketAddress unresolved, Promise<List<InetSocketAddress>> promise) {
			relay(resolveAndCheck(unresolved), promise, (allowed) -> allowed);
		}

		private Future<List<InetSocketAddress>> resolveAndCheck(InetSocketAddress target) {
			String host = target.getHostString();
			Future<List<InetSocketAddress>> resolved = target.isUnresolved() ? this.dns.resolveAll(target)
					: executor().newSucceededFuture(List.of(target));
			Promise<List<InetSocketAddress>> checked = executor().newPromise();
			resolved.addListener((Future<List<InetSocketAddress>> answer) -> {
				if (!answer.isSuccess()) {
					checked.tryFailure(answer.cause());
					return;
				}
				if (answer.getNow().isEmpty()) {
					checked.tryFailure(new UnknownHostException(host));
					return;
				}
				List<InetSocketAddress> allowed = answer.getNow()
					.stream()
					.filter((address) -> CheckedAddressResolverGroup.this.check.refusal(host, address) == null)
					.toList();
				if (allowed.isEmpty()) {
					checked.tryFailure(CheckedAddressResolverGroup.this.check.refusal(host, answer.getNow().get(0)));
				}
				else {
					checked.trySuccess(allowed);
				}
			});
			return checked;
		}

	}

	private static <T> void relay(Future<List<InetSocketAddress>> checked, Promise<T> promise,
			Function<List<InetSocketAddress>, T> answer) {
		checked.addListener((Future<List<InetSocketAddress>> done) -> {
			if (done.isSuccess()) {
				promise.trySuccess(answer.apply(done.getNow()));
			}
			else {
				promise.tryFailure(done.cause());
			}
		});
	}

}
