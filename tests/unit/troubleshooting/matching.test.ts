import { describe, expect, it } from "vitest";
import { matchError } from "../../../src/lib/troubleshooting/match";
import { asClientError, entries, index, withOtherDetails } from "./fixtures";

const cases = entries.flatMap((entry) => entry.errors.map((error) => [entry.slug, error.text] as const));

describe("every listed error text finds its entry first", () => {
  it.each(cases)("%s: as written", (slug, text) => {
    expect(matchError(text, index)[0]?.slug).toBe(slug);
  });

  it.each(cases)("%s: with other IDs, names and numbers", (slug, text) => {
    const variant = withOtherDetails(text);
    expect(matchError(variant, index)[0]?.slug, variant).toBe(slug);
  });

  it.each(cases)("%s: wrapped as the client reports it", (slug, text) => {
    const variant = asClientError(withOtherDetails(text));
    expect(matchError(variant, index)[0]?.slug, variant).toBe(slug);
  });
});

/** Messages written by hand the way they turn up in real apps, with names the entries never use. */
const REAL_WORLD: Array<[string, string]> = [
  [
    "unique-multiple-results",
    "[CONVEX Q(profiles:byHandle)] [Request ID: 9f0e1d2c3b4a5968] Server Error\nUncaught Error: unique() query returned more than one result from table profiles:\n [jh71qz3c9w2k8m4n6p0r5s7t1v3x5y9z, jh72ab4cd5ef6gh7jk8mn9pq0rs1tv2w, ...]\n    at async handler (../convex/profiles.ts:22:18)",
  ],
  ["index-not-found", "Uncaught Error: Index messages.by_channel_and_time not found."],
  [
    "index-fields-out-of-order",
    'Tried to query index card_statements.by_dueDate_status but the query didn\'t use the index fields in order.\nIndex fields: ["dueDate", "status", "_creationTime"]\nQuery fields: ["status", "dueDate"]\nFirst incorrect field: "status"',
  ],
  [
    "write-conflict-occ",
    'Documents read from or written to the "tasks" table changed while this mutation was being run and on every subsequent retry. A call to "tasks:addTask" changed the document with ID "kd7a2b3c4d5e6f7g8h9j0k1m2n3p4q5r". See https://docs.convex.dev/error#1',
  ],
  ["could-not-find-public-function", "[CONVEX Q(users:getProfile)] [Request ID: 10f5d9f8a27aec2f] Server Error\nCould not find public function for 'users:getProfile'. Did you forget to run `npx convex dev` or `npx convex deploy`?\n\n  Called by client"],
  ["usequery-outside-provider", "Uncaught Error: Could not find Convex client! `useConvexConnectionState` must be used in the React component tree under `ConvexProvider`. Did you forget it? See https://docs.convex.dev/quick-start#set-up-convex-in-your-react-app\n    at useConvexConnectionState (client.ts:1200:13)"],
  ["missing-deployment-url", "Error: No address provided to ConvexReactClient.\nIf trying to deploy to production, make sure to follow all the instructions found at https://docs.convex.dev/production/hosting/"],
  ["side-effects-in-queries-and-mutations", "Uncaught Error: Can't use setInterval in queries and mutations. Please consider using an action. See https://docs.convex.dev/functions/actions for more details."],
  ["side-effects-in-queries-and-mutations", "Can't use storage.get() in queries and mutations. Please consider using an action."],
  ["action-called-from-mutation", "[CONVEX M(payments:checkout)] [Request ID: 0011223344556677] Server Error\nUncaught TypeError: ctx.runAction is not a function\n    at handler (../convex/payments.ts:30:15)"],
  ["undefined-validator-circular-import", 'Error: A validator is undefined for field "settings" in v.object(). This is often caused by circular imports. See https://docs.convex.dev/error#undefined-validator for details.'],
  ["undefined-validator-circular-import", "A validator is undefined in v.array(). This is often caused by circular imports. See https://docs.convex.dev/error#undefined-validator for details."],
  ["query-scans-without-index", "Uncaught Error: Too many documents read in a single function execution (limit: 32000). Consider using smaller limits in your queries, paginating your queries, or using indexed queries with a selective index range expressions."],
  ["collect-large-table", "Uncaught Error: Too many bytes read in a single function execution (limit: 16777216 bytes).\n    at async handler (../convex/v2Inventory.ts:49:17)"],
  ["transaction-too-many-writes", "Too many writes in a single function execution (limit: 16000)"],
  ["schema-validation-failed-on-push", 'Schema validation failed.\nDocument with ID "jn7034wkypcnpdyvkn0vd7r8n57tnrhf" in table "projects" does not match the schema: Value does not match validator.\nPath: .userId\nValue: "user_30xqHm23FRYopIgyfPPYsnMGqAq"\nValidator: v.id("users")'],
  ["document-does-not-match-schema", 'Uncaught Error: Failed to insert or update a document in table "messages" because it does not match the schema: Object contains extra field `channelId` that is not in the validator.\nObject: {body: "hi", channelId: "abc"}\nValidator: v.object({body: v.string()})'],
  ["argument-validation-error", "ArgumentValidationError: Object is missing the required field `paginationOpts`. Consider wrapping the field validator in `v.optional(...)` if this is expected.\n\nObject: {channel: \"general\"}\nValidator: v.object({channel: v.string(), paginationOpts: v.object({cursor: v.union(v.string(), v.null()), numItems: v.float64()})})"],
  ["returns-validation-error", "ReturnsValidationError: Value does not match validator.\nPath: .count\nValue: \"3\"\nValidator: v.float64()"],
  ["convexerror-data-lost", "[CONVEX A(ai:generate)] [Request ID: 5a4b3c2d1e0f9a8b] Server Error"],
  ["cors-blocked-http-action", "Access to fetch at 'https://quiet-lynx-42.convex.site/webhooks/form' from origin 'https://myapp.vercel.app' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: It does not have HTTP ok status."],
  ["cors-blocked-http-action", "Access to fetch at 'https://quiet-lynx-42.convex.site/upload' from origin 'http://localhost:3000' has been blocked by CORS policy: Request header field authorization is not allowed by Access-Control-Allow-Headers in preflight response."],
  ["http-action-on-convex-cloud", "GET https://quiet-lynx-42.convex.cloud/getImage?storageId=kg2abc 404 (Not Found)"],
  ["http-route-not-found", "No HttpAction routed for /webhooks/stripe/"],
  ["storage-url-built-by-hand", "GET https://quiet-lynx-42.convex.cloud/api/storage/3f2e1d0c-aaaa-bbbb-cccc-1234567890ab 404 (Not Found)"],
  ["http-auth-missing-bearer", '{"code":"InvalidAdminKey","message":"Invalid admin key"}'],
  ["http-auth-missing-bearer", "Uncaught Error: Invalid authentication header"],
  ["auth-token-rejected", 'Failed to authenticate: "No auth provider found matching the given token", check your server auth config'],
  ["auth-token-rejected", '{"code":"Unauthenticated","message":"Could not verify OIDC token claim. Check that the token signature is valid and the token hasn\'t expired."}'],
  ["client-url-convex-site", 'Error: Invalid deployment address: "https://quiet-lynx-42.convex.site" ends with .convex.site, which is used for HTTP Actions. Convex deployment URLs typically end with .convex.cloud? If you believe this URL is correct, use the `skipConvexDeploymentUrlCheck` option to bypass this.'],
  ["public-function-without-validation", 'Uncaught Error: Invalid argument `id` for `db.get`: expected to be an Id<"posts">, got Id<"comments"> instead.'],
  ["nonexistent-document", "Uncaught Error: Replace on nonexistent document ID jd7bb8c9d0e1f2g3h4j5k6m7n8p9q0r1s"],
  ["undefined-not-valid-value", 'undefined is not a valid Convex value (present at path .items[3] in original object {"items":[1,2,3,undefined]}). To learn about Convex\'s supported types, see https://docs.convex.dev/using/types.'],
  ["unsupported-value-type", "Set[1,2] is not a supported Convex type (present at path .ids in original object {}). To learn about Convex's supported types, see https://docs.convex.dev/using/types."],
  ["return-value-is-a-query", "Uncaught Error: Return value is a Query. Results must be retrieved with `.collect()`, `.take(n), `.unique()`, or `.first()`."],
  ["wrong-function-type", "Trying to execute tasks.js:list as Mutation, but it is defined as Query."],
  ["multiple-paginated-queries", "Uncaught Error: This query or mutation function ran multiple paginated queries. Convex only supports a single paginated query in each function."],
  ["invalid-pagination-cursor", "`options.initialNumItems` must be a positive number. Received `-1`."],
  ["search-query-without-filter", 'Search query against posts.search_title does not contain any search filters. You must include a search filter like `q.search("title", searchText)`.'],
  ["schedule-nonexistent-function", "Attempted to schedule function at nonexistent path: notifications/push"],
  ["system-tables-read-only", "User tables can only be accessed from db.query()."],
  ["reserved-field-names", "Field name $oid starts with a '$', which is reserved."],
  ["randomness-and-time-at-import", "Uncaught Error: Math.random unsupported at import time\n    at <anonymous> (../convex/lib/ids.ts:3:20)"],
  ["randomness-and-time-at-import", "Uncaught Error: Cannot use cryptographic randomness at import time\n    at ../convex/rooms.ts:4:32"],
  ["function-timeout", "Function execution timed out (maximum duration: 600s)"],
  ["action-connection-lost", "Connection lost while action was in flight"],
];

describe("real-world messages find the right entry first", () => {
  it.each(REAL_WORLD)("%s", (slug, text) => {
    const matches = matchError(text, index);
    expect(matches[0]?.slug, JSON.stringify(matches.slice(0, 3))).toBe(slug);
  });
});

describe("ranking", () => {
  it("puts pattern matches before merely similar entries", () => {
    const matches = matchError("Index tasks.by_owner not found.", index, { limit: 10 });
    expect(matches[0]).toMatchObject({ slug: "index-not-found", kind: "pattern" });
    for (const match of matches.slice(1)) expect(match.kind).not.toBe("pattern");
  });

  it("finds a message from its words when it is reworded or cut short", () => {
    const matches = matchError("too many documents read, limit reached while scanning the table", index);
    expect(matches.map((m) => m.slug)).toContain("query-scans-without-index");
    expect(matches[0].kind).toBe("similar");
  });

  it("returns nothing for text unrelated to Convex", () => {
    expect(matchError("The quick brown fox jumps over the lazy dog", index)).toEqual([]);
    expect(matchError("   ", index)).toEqual([]);
  });

  it("does not take a specific failure for the generic Server Error entry", () => {
    const text = asClientError("unique() query returned more than one result from table users:\n [a, b, ...]", "Q");
    expect(matchError(text, index)[0].slug).toBe("unique-multiple-results");
  });

  it("respects the limit and reports the matched text", () => {
    const matches = matchError("Too many reads in a single function execution (limit: 4096).", index, { limit: 2 });
    expect(matches.length).toBeLessThanOrEqual(2);
    expect(matches[0].matchedText).toMatch(/^Too many reads/);
    expect(matches[0].url).toBe("/troubleshooting/transaction-too-many-writes/");
  });
});
