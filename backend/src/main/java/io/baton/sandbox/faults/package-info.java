/**
 * Graph fault injection: for one app or one page, Graph answers a server error, a rate
 * limit or an invalid token, for some calls or until some time.
 */
@NullMarked
package io.baton.sandbox.faults;

import org.jspecify.annotations.NullMarked;
