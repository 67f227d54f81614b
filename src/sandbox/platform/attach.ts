/**
 * Gives a runtime deployment its platform services: registers the platform
 * syscalls with it, points `fetch()` in actions at the outbound policy,
 * applies each push (auth config, crons, HTTP routes), and exposes
 * `runHttpAction`, `storage` and `auth` as the `Deployment` contract names
 * them. `createPlatformDeployment` is `createDeployment` with all of that.
 */
import type { UserIdentity } from "convex/server";
import { SandboxDeployment, type SandboxDeploymentOptions } from "../runtime/deployment.js";
import type { SerializedRequest, SerializedResponse } from "../runtime/types.js";
import { Platform, type PlatformOptions } from "./index.js";
import { PLATFORM_SERVICE, platformSyscallGroup } from "./syscall-group.js";
import type { FileStorage } from "./storage/file-storage.js";
import type { SandboxAuthService } from "./auth/auth-service.js";

export interface PlatformDeploymentOptions extends SandboxDeploymentOptions {
  platform?: Omit<PlatformOptions, "cloudUrl" | "siteUrl" | "dataDir">;
}

export type PlatformDeployment = SandboxDeployment & { platform: Platform; storage: FileStorage; auth: SandboxAuthService };

/** Attaches a Platform to a freshly constructed deployment (before its first push). */
export function attachPlatform(deployment: SandboxDeployment, opts: PlatformOptions): Platform {
  const runHttpRouter = deployment.runHttpAction.bind(deployment);
  const platform = new Platform(
    {
      db: deployment.database,
      functionType: (path) => deployment.functions().find((f) => f.path === path)?.udfType ?? null,
      moduleExists: (modulePath) => Object.keys(deployment.files()).some((file) => file.replace(/\.[cm]?[jt]sx?$/, "") === modulePath),
      codeLoaded: () => deployment.functions().length > 0,
      runScheduled: (job) =>
        deployment.run({
          path: job.path,
          args: job.args,
          expectedType: job.udfType,
          allowInternal: true,
          identity: null,
          scheduledJobId: job.scheduledJobId,
          beforeCommit: job.beforeCommit,
        }),
      runCron: (path, args) => deployment.run({ path, args, allowInternal: true, identity: null }),
      invokeHttp: (req: SerializedRequest, identity: UserIdentity | null) => runHttpRouter(req, identity),
    },
    opts,
  );
  deployment.services.set(PLATFORM_SERVICE, platform);
  deployment.registerSyscalls(platformSyscallGroup);
  deployment.onPush((code) => platform.onPush(code));
  deployment.onReset(() => platform.reset());
  deployment.onDispose(() => platform.dispose());
  Object.assign(deployment, {
    platform,
    storage: platform.storage,
    auth: platform.auth,
    runHttpAction: (req: SerializedRequest, identity?: UserIdentity | null): Promise<SerializedResponse> =>
      platform.runHttpAction(req, identity ?? null),
  });
  platform.start();
  return platform;
}

/** `createDeployment` plus the platform services; with `files`, pushes them and throws if that fails. */
export async function createPlatformDeployment(options: PlatformDeploymentOptions = {}): Promise<PlatformDeployment> {
  let platform: Platform | null = null;
  const deployment = new SandboxDeployment({
    ...options,
    fetch: (request) => {
      if (!platform) throw new Error("The deployment is not ready yet.");
      return platform.fetch.fetch(request).then((r) => ({ ...r, statusText: r.statusText ?? "" }));
    },
  });
  platform = attachPlatform(deployment, {
    ...options.platform,
    cloudUrl: deployment.cloudUrl,
    siteUrl: deployment.siteUrl,
    dataDir: options.dataDir ?? null,
  });
  if (options.files) {
    const result = await deployment.push(options.files);
    if (!result.ok) {
      await deployment.dispose();
      const lines = result.errors.map((e) => (e.file ? `${e.file}${e.line ? `:${e.line}:${e.column}` : ""}: ${e.message}` : e.message));
      throw new Error(`Push failed:\n${lines.join("\n")}`);
    }
  }
  return deployment as PlatformDeployment;
}
