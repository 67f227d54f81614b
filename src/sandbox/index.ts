/**
 * The sandbox deployment as a library: `createDeployment(options)` gives a
 * running Convex-compatible deployment for a folder of function sources.
 *
 *   const deployment = await createDeployment({ files: { "schema.ts": "...", "messages.ts": "..." } });
 *   const outcome = await deployment.runMutation({ path: "messages:send", args: { body: "hi" } });
 */
export * from "./runtime/index.ts";
