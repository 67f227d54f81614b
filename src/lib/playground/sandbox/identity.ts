/**
 * "Act as user": who the playground's clients call functions as. A real test JWT minted
 * by the sandbox (`POST <url>/api/sandbox/token`) when the learner's deployment has an
 * auth.config.ts (which names the sandbox as a provider); otherwise the admin key acting as that identity, as the Convex dashboard
 * does (`setAdminAuth(adminKey, identity)`).
 */
import type { UserIdentityAttributes } from "convex/server";
import type { SandboxInfo } from "./sandboxApi";

export interface PlaygroundUser {
  subject: string;
  name: string;
  email: string;
}

export const SAMPLE_USERS: PlaygroundUser[] = [
  { subject: "user-ada", name: "Ada Lovelace", email: "ada@example.com" },
  { subject: "user-grace", name: "Grace Hopper", email: "grace@example.com" },
];

export type Caller = { kind: "token"; token: string; user: PlaygroundUser } | { kind: "impersonate"; identity: UserIdentityAttributes; user: PlaygroundUser };

/** ConvexHttpClient or ConvexReactClient (their `setAdminAuth` is public but left out of the typings). */
interface AuthTarget {
  setAuth(token: any): void;
  clearAuth(): void;
}

async function mintToken(sandbox: SandboxInfo, user: PlaygroundUser): Promise<string | null> {
  try {
    const response = await fetch(`${sandbox.url}/api/sandbox/token`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Convex ${sandbox.adminKey}` },
      body: JSON.stringify({ claims: { subject: user.subject, name: user.name, email: user.email } }),
    });
    if (!response.ok) return null;
    const { token } = await response.json();
    return typeof token === "string" ? token : null;
  } catch {
    return null;
  }
}

/**
 * `hasAuthConfig`: whether the learner's files include `convex/auth.config.ts`. Without one,
 * no provider would accept a token, so the admin key acts as the user instead.
 */
export async function callerFor(sandbox: SandboxInfo, user: PlaygroundUser, hasAuthConfig: boolean): Promise<Caller> {
  if (hasAuthConfig) {
    const token = await mintToken(sandbox, user);
    if (token) return { kind: "token", token, user };
  }
  const identity = {
    subject: user.subject,
    issuer: sandbox.url,
    tokenIdentifier: `${sandbox.url}|${user.subject}`,
    name: user.name,
    email: user.email,
  } as UserIdentityAttributes;
  return { kind: "impersonate", identity, user };
}

/**
 * Points a ConvexHttpClient / ConvexReactClient at the chosen caller. `admin` (for internal
 * functions, which only the admin key may call) keeps the identity but uses the admin key.
 */
export function applyCaller(
  client: AuthTarget,
  sandbox: SandboxInfo,
  caller: Caller | null,
  options: { admin?: boolean; client: "http" | "react" },
): void {
  const asClient = client as any;
  const admin = options.admin === true;
  if (admin) {
    const identity = caller?.kind === "impersonate" ? caller.identity : undefined;
    asClient.setAdminAuth(sandbox.adminKey, identity);
    return;
  }
  if (!caller) client.clearAuth();
  else if (caller.kind === "token") {
    // ConvexHttpClient takes the token itself; ConvexReactClient takes a token fetcher.
    if (options.client === "http") client.setAuth(caller.token);
    else client.setAuth(async () => caller.token);
  } else asClient.setAdminAuth(sandbox.adminKey, caller.identity);
}
