/**
 * Who exists in the sandbox's Facebook and who authorised what: people, apps, app-scoped
 * user ids and the permissions each person granted or declined to each app.
 */
@NullMarked
package io.baton.sandbox.accounts;

import org.jspecify.annotations.NullMarked;
