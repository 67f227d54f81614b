/**
 * The sandbox deployment as a library: `createDeployment(options)` gives a
 * running Convex-compatible deployment for a folder of function sources.
 *
 *   const deployment = await createDeployment({ files: { "schema.ts": "...", "messages.ts": "..." } });
 *   const outcome = await deployment.runMutation({ path: "messages:send", args: { body: "hi" } });
 */
export * from "./runtime/index.ts";

/** The same deployment with the platform services (scheduler, crons, storage, HTTP actions, auth, fetch). */
export { createPlatformDeployment, attachPlatform, type PlatformDeployment, type PlatformDeploymentOptions } from "./platform/attach.ts";
export { Platform } from "./platform/index.ts";
