/**
 * `Deployment.auth`: verifies bearer tokens against the providers of the
 * pushed `auth.config.ts`, the way Convex does:
 *
 * - an OIDC provider `{ domain, applicationID }` matches a token whose `iss`
 *   is the domain and whose `aud` contains the application ID; its keys come
 *   from `{domain}/.well-known/openid-configuration` → `jwks_uri`;
 * - a custom JWT provider `{ type: "customJwt", issuer, jwks, algorithm,
 *   applicationID? }` matches on `iss` (and `aud` when an application ID is
 *   set); its keys come from the `jwks` URL (a `data:` URL works too).
 *
 * The deployment's own test provider (issuer = cloud URL) is verified with
 * its in-memory key set, so no request leaves the process for it.
 */
import type { UserIdentity } from "convex/server";
import {
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from "jose";
import type { AuthService } from "../../runtime/types.js";
import { parseAuthConfig, sameIssuer, type ProviderConfig } from "./auth-config.js";
import { identityFromClaims } from "./identity.js";
import { TEST_PROVIDER_JWKS_PATH, TestIdentityProvider, type MintClaims } from "./test-identity-provider.js";

export const INVALID_TOKEN_MESSAGE =
  "Could not verify OIDC token claim. Check that the token signature is valid and the token hasn't expired.";
const JWKS_CACHE_MS = 5 * 60 * 1000;

/** Fetches JSON from a URL the deployment's outbound policy allows. */
export type FetchJson = (url: string) => Promise<unknown>;

export class SandboxAuthService implements AuthService {
  readonly testProvider: TestIdentityProvider;
  private providers: ProviderConfig[] = [];
  private readonly keySets = new Map<string, { at: number; keys: Promise<JWTVerifyGetKey> }>();
  private readonly fetchJson: FetchJson;

  constructor(opts: { cloudUrl: string; fetchJson: FetchJson }) {
    this.testProvider = new TestIdentityProvider(opts.cloudUrl);
    this.fetchJson = opts.fetchJson;
  }

  /** Installs the providers of a pushed `auth.config.ts` (its default export), or none. */
  configure(authConfig: unknown): void {
    this.providers = parseAuthConfig(authConfig);
    this.keySets.clear();
  }

  configuredProviders(): ProviderConfig[] {
    return [...this.providers];
  }

  mint(claims: MintClaims): Promise<string> {
    return this.testProvider.mint(claims);
  }

  async verify(token: string): Promise<UserIdentity> {
    let claims: JWTPayload;
    try {
      decodeProtectedHeader(token);
      claims = decodeJwt(token);
    } catch {
      throw new Error("Could not parse the token as a JWT: expected three base64url parts separated by dots.");
    }
    const provider = this.providers.find((p) => matches(p, claims));
    if (!provider) {
      if (this.providers.length === 0) {
        throw new Error("No auth provider found matching the given token (no providers configured). Check convex/auth.config.ts.");
      }
      throw new Error(
        "No auth provider found matching the given token. Check that your JWT's issuer and audience match one of your configured providers: " +
          `[${this.providers.map(describe).join(", ")}]. The token has iss=${JSON.stringify(claims.iss ?? null)} and aud=${JSON.stringify(claims.aud ?? null)}.`,
      );
    }
    const keys = await this.keysFor(provider);
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: claims.iss,
        audience: provider.kind === "oidc" ? provider.applicationID : (provider.applicationID ?? undefined),
        algorithms: provider.kind === "customJwt" ? [provider.algorithm] : undefined,
      });
      return identityFromClaims(payload);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      throw new Error(`${INVALID_TOKEN_MESSAGE} (${reason})`);
    }
  }

  private async keysFor(provider: ProviderConfig): Promise<JWTVerifyGetKey> {
    const cacheKey = provider.kind === "oidc" ? `oidc:${provider.domain}` : `jwks:${provider.jwks}`;
    const cached = this.keySets.get(cacheKey);
    if (cached && Date.now() - cached.at < JWKS_CACHE_MS) return cached.keys;
    const keys = this.loadKeys(provider).catch((e: Error) => {
      throw new Error(`Could not load the signing keys of auth provider ${describe(provider)}: ${e.message}`);
    });
    this.keySets.set(cacheKey, { at: Date.now(), keys });
    keys.catch(() => this.keySets.delete(cacheKey));
    return keys;
  }

  private async loadKeys(provider: ProviderConfig): Promise<JWTVerifyGetKey> {
    const ownJwksUrl = `${this.testProvider.issuer}${TEST_PROVIDER_JWKS_PATH}`;
    let jwksUrl: string;
    if (provider.kind === "oidc") {
      if (sameIssuer(provider.domain, this.testProvider.issuer)) return createLocalJWKSet(await this.testProvider.jwks());
      const configUrl = `${provider.domain.replace(/\/+$/, "")}/.well-known/openid-configuration`;
      const config = (await this.fetchJson(configUrl)) as { jwks_uri?: unknown };
      if (typeof config?.jwks_uri !== "string") {
        throw new Error(`The OpenID configuration at ${configUrl} has no \`jwks_uri\`.`);
      }
      jwksUrl = config.jwks_uri;
    } else {
      jwksUrl = provider.jwks;
    }
    if (jwksUrl === ownJwksUrl) return createLocalJWKSet(await this.testProvider.jwks());
    const jwks = jwksUrl.startsWith("data:") ? parseDataUrl(jwksUrl) : await this.fetchJson(jwksUrl);
    if (typeof jwks !== "object" || jwks === null || !Array.isArray((jwks as JSONWebKeySet).keys)) {
      throw new Error(`The JWKS at ${jwksUrl.slice(0, 100)} is not a JSON Web Key Set (no \`keys\` array).`);
    }
    return createLocalJWKSet(jwks as JSONWebKeySet);
  }
}

function matches(p: ProviderConfig, claims: JWTPayload): boolean {
  const audiences = claims.aud === undefined ? [] : Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (typeof claims.iss !== "string") return false;
  if (p.kind === "oidc") return sameIssuer(p.domain, claims.iss) && audiences.includes(p.applicationID);
  return sameIssuer(p.issuer, claims.iss) && (p.applicationID === null || audiences.includes(p.applicationID));
}

function describe(p: ProviderConfig): string {
  return p.kind === "oidc"
    ? `OIDC(domain=${p.domain}, app_id=${p.applicationID})`
    : `CustomJWT(issuer=${p.issuer}, app_id=${p.applicationID ?? "none"})`;
}

function parseDataUrl(url: string): unknown {
  const match = /^data:([^,]*?)(;base64)?,(.*)$/s.exec(url);
  if (!match) throw new Error("The `jwks` data URL is malformed.");
  const text = match[2] ? Buffer.from(match[3], "base64").toString("utf8") : decodeURIComponent(match[3]);
  try {
    return JSON.parse(text);
  } catch {
    throw new Error("The `jwks` data URL does not hold JSON.");
  }
}
