package io.baton.apps;

import java.net.ConnectException;

/**
 * A connection to a bot endpoint was not opened because its host, address or port is not
 * one a bot may be at. The message is the same whatever lies behind the refused address,
 * so it tells a tenant nothing about Baton's network.
 */
public class EndpointRefused extends ConnectException {

	EndpointRefused(String message) {
		super(message);
	}

}
