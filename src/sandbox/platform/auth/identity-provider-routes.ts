/**
 * The discovery documents of a deployment's test identity provider, served on
 * its cloud URL so that any OpenID Connect verifier (and `auth.config.ts`'s
 * `{ domain: <cloud url>, applicationID: "convex" }`) can find its keys:
 *
 *   GET {cloudUrl}/.well-known/openid-configuration
 *   GET {cloudUrl}/.well-known/jwks.json
 */
import type { AuthService } from "../../runtime/types.js";
import { SandboxAuthService } from "./auth-service.js";
import { TEST_PROVIDER_JWKS_PATH, TEST_PROVIDER_OPENID_PATH } from "./test-identity-provider.js";

export function isIdentityProviderPath(path: string): boolean {
  return path === TEST_PROVIDER_OPENID_PATH || path === TEST_PROVIDER_JWKS_PATH;
}

/** The JSON document for `path`, or null when the path is not one of the provider's or there is no provider. */
export async function identityProviderDocument(auth: AuthService | undefined, path: string): Promise<unknown> {
  if (!(auth instanceof SandboxAuthService)) return null;
  if (path === TEST_PROVIDER_OPENID_PATH) return auth.testProvider.openIdConfiguration();
  if (path === TEST_PROVIDER_JWKS_PATH) return auth.testProvider.jwks();
  return null;
}
