-- Pages, subscriptions, the console and Graph fault injection: what apps show as
-- Graph objects, the API version of an app subscription, and the faults an engineer
-- makes Graph answer with for one app or one page.

-- GET /{app-id} and /{page-id}/subscribed_apps show these when set.
ALTER TABLE sandbox.apps ADD COLUMN category text;
ALTER TABLE sandbox.apps ADD COLUMN link text;

-- The Graph version the subscription was last posted with; every field reports it.
ALTER TABLE sandbox.app_subscriptions ADD COLUMN api_version text NOT NULL DEFAULT 'v24.0';

-- The console lists, per page, which apps each person granted it to.
CREATE INDEX page_grants_page ON sandbox.page_grants (page_id);

-- Graph answers with a fault for one app or one page, for remaining_calls calls
-- (NULL: any number) until `until` (NULL: until removed).
CREATE TABLE sandbox.graph_faults (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    app_id          text REFERENCES sandbox.apps (id) ON DELETE CASCADE,
    page_id         text REFERENCES sandbox.pages (id) ON DELETE CASCADE,
    kind            text        NOT NULL CHECK (kind IN ('server_error', 'rate_limit', 'invalid_token')),
    remaining_calls integer CHECK (remaining_calls >= 0),
    until           timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((app_id IS NULL) <> (page_id IS NULL))
);
CREATE INDEX graph_faults_app ON sandbox.graph_faults (app_id) WHERE app_id IS NOT NULL;
CREATE INDEX graph_faults_page ON sandbox.graph_faults (page_id) WHERE page_id IS NOT NULL;

GRANT SELECT, INSERT, UPDATE, DELETE ON sandbox.graph_faults TO ${app_role};
