/**
 * Reads the `providers` of a `convex/auth.config.ts` default export (the
 * `AuthConfig` type of `convex/server`) and checks its shape, with messages
 * that name the offending provider.
 */
import type { AuthConfig, AuthProvider } from "convex/server";

export type OidcProvider = { kind: "oidc"; domain: string; applicationID: string };
export type CustomJwtProvider = {
  kind: "customJwt";
  issuer: string;
  jwks: string;
  algorithm: "RS256" | "ES256";
  applicationID: string | null;
};
export type ProviderConfig = OidcProvider | CustomJwtProvider;

export function parseAuthConfig(config: unknown): ProviderConfig[] {
  if (config === null || config === undefined) return [];
  if (typeof config !== "object" || !Array.isArray((config as AuthConfig).providers)) {
    throw new Error("auth.config.ts must export default an object with a `providers` array.");
  }
  return (config as AuthConfig).providers.map((p, i) => parseProvider(p, i));
}

function parseProvider(p: AuthProvider, index: number): ProviderConfig {
  const where = `auth.config.ts providers[${index}]`;
  if (typeof p !== "object" || p === null) throw new Error(`${where} must be an object.`);
  if ("type" in p && p.type === "customJwt") {
    if (typeof p.issuer !== "string" || p.issuer === "") throw new Error(`${where}: \`issuer\` must be a non-empty string.`);
    if (typeof p.jwks !== "string" || p.jwks === "") throw new Error(`${where}: \`jwks\` must be a URL string.`);
    if (p.algorithm !== "RS256" && p.algorithm !== "ES256") {
      throw new Error(`${where}: \`algorithm\` must be "RS256" or "ES256".`);
    }
    if (p.applicationID !== undefined && typeof p.applicationID !== "string") {
      throw new Error(`${where}: \`applicationID\` must be a string when present.`);
    }
    return { kind: "customJwt", issuer: p.issuer, jwks: p.jwks, algorithm: p.algorithm, applicationID: p.applicationID ?? null };
  }
  const oidc = p as { domain?: unknown; applicationID?: unknown };
  if (typeof oidc.domain !== "string" || oidc.domain === "") {
    throw new Error(`${where}: \`domain\` must be a non-empty string (is an environment variable unset?).`);
  }
  if (typeof oidc.applicationID !== "string" || oidc.applicationID === "") {
    throw new Error(`${where}: \`applicationID\` must be a non-empty string.`);
  }
  return { kind: "oidc", domain: oidc.domain, applicationID: oidc.applicationID };
}

/** Issuers compare without a trailing slash, as OIDC discovery documents vary on it. */
export function sameIssuer(a: string, b: string): boolean {
  return a.replace(/\/+$/, "") === b.replace(/\/+$/, "");
}
