/**
 * The sandbox's own identity provider, so lessons and the playground can "act
 * as a user" without an external sign-in service. Each deployment gets its own
 * RS256 key pair; its issuer is the deployment's cloud URL, so an
 * `auth.config.ts` can name it like any OpenID Connect provider:
 *
 *   export default { providers: [{ domain: "<cloud url>", applicationID: "convex" }] };
 *
 * The server serves `openIdConfiguration()` at `/.well-known/openid-configuration`
 * and `jwks()` at `/.well-known/jwks.json` on the cloud URL.
 */
import { SignJWT, exportJWK, generateKeyPair, type JWK, type JSONWebKeySet } from "jose";

export const TEST_PROVIDER_APPLICATION_ID = "convex";
export const TEST_PROVIDER_JWKS_PATH = "/.well-known/jwks.json";
export const TEST_PROVIDER_OPENID_PATH = "/.well-known/openid-configuration";
const ALGORITHM = "RS256";
const DEFAULT_LIFETIME_SECONDS = 60 * 60;

export interface MintClaims {
  subject: string;
  name?: string;
  email?: string;
  /** Audience; defaults to "convex". */
  audience?: string;
  /** Token lifetime; negative values mint already-expired tokens (for lessons about expiry). */
  expiresInSeconds?: number;
  [claim: string]: unknown;
}

export class TestIdentityProvider {
  private keys: Promise<{ privateKey: CryptoKey; publicJwk: JWK }> | null = null;
  private readonly kid: string;

  constructor(readonly issuer: string) {
    if (!/^https?:\/\//.test(issuer)) {
      throw new Error(`The test identity provider needs an http(s) issuer URL, got "${issuer}".`);
    }
    this.issuer = issuer.replace(/\/+$/, "");
    this.kid = `sandbox-${Math.random().toString(36).slice(2, 10)}`;
  }

  private keyPair() {
    this.keys ??= (async () => {
      const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
      const publicJwk = { ...(await exportJWK(publicKey)), kid: this.kid, alg: ALGORITHM, use: "sig" };
      return { privateKey, publicJwk };
    })();
    return this.keys;
  }

  async jwks(): Promise<JSONWebKeySet> {
    const { publicJwk } = await this.keyPair();
    return { keys: [publicJwk] };
  }

  openIdConfiguration(): Record<string, unknown> {
    return {
      issuer: this.issuer,
      jwks_uri: `${this.issuer}${TEST_PROVIDER_JWKS_PATH}`,
      id_token_signing_alg_values_supported: [ALGORITHM],
      response_types_supported: ["id_token"],
      subject_types_supported: ["public"],
    };
  }

  /** Signs a JWT whose `iss` is this provider and whose `sub` is `claims.subject`. */
  async mint(claims: MintClaims): Promise<string> {
    const { subject, audience, expiresInSeconds, ...rest } = claims;
    if (typeof subject !== "string" || subject.length === 0) {
      throw new Error("Minting a test token needs a non-empty `subject`.");
    }
    const { privateKey } = await this.keyPair();
    const now = Math.floor(Date.now() / 1000);
    const lifetime = expiresInSeconds ?? DEFAULT_LIFETIME_SECONDS;
    return await new SignJWT(rest as Record<string, unknown>)
      .setProtectedHeader({ alg: ALGORITHM, kid: this.kid, typ: "JWT" })
      .setIssuer(this.issuer)
      .setSubject(subject)
      .setAudience(audience ?? TEST_PROVIDER_APPLICATION_ID)
      .setIssuedAt(Math.min(now, now + lifetime - 1))
      .setExpirationTime(now + lifetime)
      .sign(privateKey);
  }
}
