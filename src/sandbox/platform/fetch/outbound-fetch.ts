/**
 * `fetch()` as sandbox actions see it. A request goes, in order:
 *
 * 1. to the deployment's own site URL → its HTTP actions, run in-process;
 * 2. to the deployment's own storage URLs (`{cloudUrl}/api/storage/…`) → the blob;
 * 3. to a built-in mock API host (`*.example-*.test`) → the in-process mock;
 * 4. anywhere else over the network, unless the host is (or resolves to) a
 *    loopback or private address, which is refused with a clear error.
 *
 * Requests and responses cross as `SerializedRequest`/`SerializedResponse`,
 * so an isolate's `fetch` can reach this through one JSON async syscall.
 */
import type { SerializedRequest, SerializedResponse } from "../../runtime/types.js";
import { privateAddressOf } from "./address-policy.js";
import { MockExternalApi } from "./mock-external-api.js";

export const MAX_FETCH_RESPONSE_BYTES = 20 * 1024 * 1024;
const NETWORK_TIMEOUT_MS = 30_000;

export interface OutboundFetchOptions {
  siteUrl: string | null;
  cloudUrl: string | null;
  /** Runs the deployment's HTTP actions for a request whose URL is relative to the site URL's root. */
  runHttpAction?: (req: SerializedRequest) => Promise<SerializedResponse>;
  /** Serves `{cloudUrl}/api/storage/<key>` from the deployment's file storage. */
  serveStorage?: (key: string) => Promise<SerializedResponse>;
  mockApi?: MockExternalApi;
  /** Whether public internet hosts may be fetched (the sandbox may have no internet anyway). */
  allowPublicInternet?: boolean;
}

export class OutboundFetch {
  readonly mockApi: MockExternalApi;

  constructor(private readonly opts: OutboundFetchOptions) {
    this.mockApi = opts.mockApi ?? new MockExternalApi();
  }

  async fetch(req: SerializedRequest): Promise<SerializedResponse> {
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      throw new Error(`fetch() failed: "${req.url}" is not an absolute URL.`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new Error(`fetch() to ${url.protocol} URLs is not supported in the sandbox; use http or https.`);
    }
    const site = this.opts.siteUrl ? within(url, this.opts.siteUrl) : null;
    if (site !== null) {
      if (!this.opts.runHttpAction) throw new Error("This deployment does not serve HTTP actions.");
      return this.opts.runHttpAction({ ...req, url: site });
    }
    const cloud = this.opts.cloudUrl ? within(url, this.opts.cloudUrl) : null;
    if (cloud !== null) {
      const storageKey = /^https?:\/\/[^/]+\/api\/storage\/([^/?#]+)$/.exec(cloud.split("?")[0]);
      if (storageKey && this.opts.serveStorage && (req.method === "GET" || req.method === "HEAD")) {
        return this.opts.serveStorage(decodeURIComponent(storageKey[1]));
      }
      throw new Error(
        `fetch() to ${url.origin}${url.pathname} was refused: actions can reach this deployment's HTTP actions (its site URL) and its file URLs, not its other cloud URL endpoints. Use ctx.runQuery / ctx.runMutation instead.`,
      );
    }
    if (this.mockApi.handles(url)) return this.mockApi.handle(req);
    const privateAddress = await privateAddressOf(url.hostname).catch((e: Error) => {
      throw new Error(`fetch() to ${url.origin} failed: could not resolve ${url.hostname} (${e.message}).`);
    });
    if (privateAddress !== null) {
      throw new Error(
        `fetch() to ${url.origin} was refused: ${url.hostname} is a loopback or private network address (${privateAddress}), which sandbox actions may not reach.`,
      );
    }
    if (!this.opts.allowPublicInternet) {
      throw new Error(
        `fetch() to ${url.origin} was refused: this sandbox only reaches its own site URL and the built-in example APIs (api.example-mail.test, api.example-payments.test, api.example-weather.test, echo.example.test).`,
      );
    }
    return this.networkFetch(req);
  }

  private async networkFetch(req: SerializedRequest): Promise<SerializedResponse> {
    const response = await globalThis.fetch(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.bodyBase64 === null ? undefined : Buffer.from(req.bodyBase64, "base64"),
      redirect: "manual",
      signal: AbortSignal.timeout(NETWORK_TIMEOUT_MS),
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > MAX_FETCH_RESPONSE_BYTES) {
      throw new Error(`fetch() response from ${req.url} is larger than ${MAX_FETCH_RESPONSE_BYTES} bytes.`);
    }
    return {
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers.entries()],
      bodyBase64: Buffer.from(bytes).toString("base64"),
    };
  }
}

/**
 * When `url` lies under `base` (same origin, path below base's path), returns
 * the URL re-rooted at the origin with base's path removed (`/s/abc/hello` →
 * `/hello`), else null.
 */
export function within(url: URL, base: string): string | null {
  const b = new URL(base);
  if (url.origin !== b.origin) return null;
  const prefix = b.pathname.replace(/\/+$/, "");
  if (prefix !== "" && url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) return null;
  const rest = url.pathname.slice(prefix.length) || "/";
  return `${url.origin}${rest}${url.search}`;
}
