package io.baton.tenancy;

/** A person signed in to Baton's dashboard. */
public record SignedInUser(UserId id, String name) {
}
