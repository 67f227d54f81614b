import { describe, expect, it } from "vitest";
import { SignJWT, exportJWK, generateKeyPair } from "jose";
import { SandboxAuthService, INVALID_TOKEN_MESSAGE } from "../../../src/sandbox/platform/auth/auth-service.js";

const cloudUrl = "http://127.0.0.1:3210";
const noNetwork = async (url: string) => {
  throw new Error(`unexpected fetch of ${url}`);
};

function service() {
  const auth = new SandboxAuthService({ cloudUrl, fetchJson: noNetwork });
  auth.configure({ providers: [{ domain: cloudUrl, applicationID: "convex" }] });
  return auth;
}

describe("auth: test identity provider + OIDC-style provider", () => {
  it("verifies a minted token and forms the identity as Convex does", async () => {
    const auth = service();
    const token = await auth.mint({ subject: "user-1", name: "Ada", email: "ada@example.com", email_verified: true, team: "blue" });
    const identity = await auth.verify(token);
    expect(identity).toEqual({
      tokenIdentifier: `${cloudUrl}|user-1`,
      subject: "user-1",
      issuer: cloudUrl,
      name: "Ada",
      email: "ada@example.com",
      emailVerified: true,
      team: "blue",
    });
  });

  it("rejects expired, wrong-audience and tampered tokens", async () => {
    const auth = service();
    const expired = await auth.mint({ subject: "u", expiresInSeconds: -60 });
    await expect(auth.verify(expired)).rejects.toThrow(INVALID_TOKEN_MESSAGE);
    const wrongAud = await auth.mint({ subject: "u", audience: "other-app" });
    await expect(auth.verify(wrongAud)).rejects.toThrow(/No auth provider found matching the given token\. Check that your JWT's issuer and audience/);
    const good = await auth.mint({ subject: "u" });
    const [h, p] = good.split(".");
    const forged = `${h}.${p}.${Buffer.from("not a signature").toString("base64url")}`;
    await expect(auth.verify(forged)).rejects.toThrow(INVALID_TOKEN_MESSAGE);
    await expect(auth.verify("garbage")).rejects.toThrow(/Could not parse the token as a JWT/);
  });

  it("refuses every token when auth.config.ts names no providers", async () => {
    const auth = new SandboxAuthService({ cloudUrl, fetchJson: noNetwork });
    const token = await auth.mint({ subject: "u" });
    await expect(auth.verify(token)).rejects.toThrow("(no providers configured)");
  });

  it("tokens of one deployment's provider do not verify on another", async () => {
    const a = service();
    const b = service();
    const token = await a.mint({ subject: "u" });
    await expect(b.verify(token)).rejects.toThrow(INVALID_TOKEN_MESSAGE);
  });

  it("explains malformed auth.config.ts providers", () => {
    const auth = new SandboxAuthService({ cloudUrl, fetchJson: noNetwork });
    expect(() => auth.configure({ providers: [{ domain: undefined, applicationID: "convex" }] })).toThrow(
      "auth.config.ts providers[0]: `domain` must be a non-empty string",
    );
    expect(() => auth.configure({ providers: [{ type: "customJwt", issuer: "x", jwks: "y", algorithm: "HS256" }] })).toThrow(
      '`algorithm` must be "RS256" or "ES256"',
    );
  });
});

describe("auth: custom JWT provider", () => {
  it("verifies with a data: URL JWKS and checks the algorithm and issuer", async () => {
    const { publicKey, privateKey } = await generateKeyPair("ES256");
    const jwk = { ...(await exportJWK(publicKey)), kid: "k1", alg: "ES256" };
    const jwks = `data:text/plain;charset=utf-8;base64,${Buffer.from(JSON.stringify({ keys: [jwk] })).toString("base64")}`;
    const auth = new SandboxAuthService({ cloudUrl, fetchJson: noNetwork });
    auth.configure({ providers: [{ type: "customJwt", issuer: "https://issuer.example.com", jwks, algorithm: "ES256", applicationID: "my-app" }] });
    const sign = (iss: string, aud: string) =>
      new SignJWT({ name: "Bob", given_name: "Bob", updated_at: 0 })
        .setProtectedHeader({ alg: "ES256", kid: "k1" })
        .setIssuer(iss)
        .setSubject("bob")
        .setAudience(aud)
        .setIssuedAt()
        .setExpirationTime("10m")
        .sign(privateKey);
    const identity = await auth.verify(await sign("https://issuer.example.com", "my-app"));
    expect(identity.tokenIdentifier).toBe("https://issuer.example.com|bob");
    expect(identity.givenName).toBe("Bob");
    expect(identity.updatedAt).toBe("1970-01-01T00:00:00.000Z");
    await expect(auth.verify(await sign("https://elsewhere.example.com", "my-app"))).rejects.toThrow(/No auth provider found/);
    await expect(auth.verify(await sign("https://issuer.example.com", "nope"))).rejects.toThrow(/No auth provider found/);
  });

  it("loads a remote OIDC provider's keys through its discovery document", async () => {
    const { publicKey, privateKey } = await generateKeyPair("RS256");
    const jwk = { ...(await exportJWK(publicKey)), kid: "r1", alg: "RS256" };
    const fetched: string[] = [];
    const docs: Record<string, unknown> = {
      "https://idp.example.com/.well-known/openid-configuration": { jwks_uri: "https://idp.example.com/keys" },
      "https://idp.example.com/keys": { keys: [jwk] },
    };
    const auth = new SandboxAuthService({
      cloudUrl,
      fetchJson: async (url) => {
        fetched.push(url);
        return docs[url];
      },
    });
    auth.configure({ providers: [{ domain: "https://idp.example.com/", applicationID: "app" }] });
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: "RS256", kid: "r1" })
      .setIssuer("https://idp.example.com")
      .setSubject("s")
      .setAudience("app")
      .setExpirationTime("1h")
      .sign(privateKey);
    expect((await auth.verify(token)).subject).toBe("s");
    await auth.verify(token);
    expect(fetched).toEqual(["https://idp.example.com/.well-known/openid-configuration", "https://idp.example.com/keys"]);
    auth.configure({ providers: [{ domain: "https://unreachable.example.com", applicationID: "app" }] });
    const other = await new SignJWT({})
      .setProtectedHeader({ alg: "RS256", kid: "r1" })
      .setIssuer("https://unreachable.example.com")
      .setSubject("s")
      .setAudience("app")
      .setExpirationTime("1h")
      .sign(privateKey);
    await expect(auth.verify(other)).rejects.toThrow(
      "Could not load the signing keys of auth provider OIDC(domain=https://unreachable.example.com, app_id=app): The OpenID configuration at https://unreachable.example.com/.well-known/openid-configuration has no `jwks_uri`.",
    );
  });
});

describe("auth.config.ts loading", async () => {
  const { loadAuthConfig } = await import("../../../src/sandbox/platform/auth/load-auth-config.js");

  it("evaluates the default export with the deployment's environment", async () => {
    const config = await loadAuthConfig(
      {
        "auth.config.ts": `import type { AuthConfig } from "convex/server";
import { APP } from "./constants";
export default { providers: [{ domain: process.env.CONVEX_SITE_URL, applicationID: APP }] } satisfies AuthConfig;`,
        "constants.ts": `export const APP = "convex";`,
      },
      { CONVEX_SITE_URL: "http://127.0.0.1:3211" },
    );
    expect(config).toEqual({ providers: [{ domain: "http://127.0.0.1:3211", applicationID: "convex" }] });
  });

  it("returns null without a config file and reports errors with the file name", async () => {
    expect(await loadAuthConfig({ "messages.ts": "export const x = 1;" }, {})).toBeNull();
    await expect(loadAuthConfig({ "auth.config.ts": "export default {" }, {})).rejects.toThrow(/^auth\.config\.ts:1:/);
    await expect(loadAuthConfig({ "auth.config.ts": "while (true) {}\nexport default {}" }, {})).rejects.toThrow(
      /Evaluating auth\.config\.ts failed: Script execution timed out/,
    );
    await expect(loadAuthConfig({ "auth.config.ts": "export default { p: (0, eval)('require')('fs') }" }, {})).rejects.toThrow(/require is not defined/);
  });
});
