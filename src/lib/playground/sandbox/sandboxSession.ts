/**
 * One sandbox per playground per browser, created on first use and remembered in
 * localStorage so it survives page loads. If the server forgot it (expired, restarted
 * without data), a new one is created transparently on the next push.
 */
import { createSandbox, pushFiles, SandboxGoneError, type PushResult, type SandboxInfo } from "./sandboxApi";

export const DEFAULT_SANDBOX_SERVER = "http://127.0.0.1:3210";

export function sandboxServerUrl(): string {
  const configured = import.meta.env.PUBLIC_SANDBOX_URL as string | undefined;
  return (configured || DEFAULT_SANDBOX_SERVER).replace(/\/+$/, "");
}

function storageKey(serverUrl: string, playgroundId: string): string {
  return `convex-playground:sandbox:${serverUrl}:${playgroundId}`;
}

export function storedSandbox(serverUrl: string, playgroundId: string): SandboxInfo | null {
  try {
    const raw = localStorage.getItem(storageKey(serverUrl, playgroundId));
    if (!raw) return null;
    const parsed = JSON.parse(raw);
    return typeof parsed?.url === "string" && typeof parsed?.adminKey === "string" ? parsed : null;
  } catch {
    return null;
  }
}

function remember(serverUrl: string, playgroundId: string, sandbox: SandboxInfo | null) {
  try {
    if (sandbox) localStorage.setItem(storageKey(serverUrl, playgroundId), JSON.stringify(sandbox));
    else localStorage.removeItem(storageKey(serverUrl, playgroundId));
  } catch {
    /* storage disabled: the sandbox lasts for this page only */
  }
}

export class SandboxSession {
  private current: SandboxInfo | null;

  constructor(
    readonly serverUrl: string,
    readonly playgroundId: string,
  ) {
    this.current = storedSandbox(serverUrl, playgroundId);
  }

  get sandbox(): SandboxInfo | null {
    return this.current;
  }

  async ensure(): Promise<SandboxInfo> {
    if (!this.current) {
      this.current = await createSandbox(this.serverUrl);
      remember(this.serverUrl, this.playgroundId, this.current);
    }
    return this.current;
  }

  /** Pushes; if the remembered sandbox is gone, creates a fresh one and pushes again. */
  async push(files: Record<string, string>): Promise<{ sandbox: SandboxInfo; result: PushResult; recreated: boolean }> {
    const sandbox = await this.ensure();
    try {
      return { sandbox, result: await pushFiles(sandbox, files), recreated: false };
    } catch (error) {
      if (!(error instanceof SandboxGoneError)) throw error;
      this.current = null;
      remember(this.serverUrl, this.playgroundId, null);
      const fresh = await this.ensure();
      return { sandbox: fresh, result: await pushFiles(fresh, files), recreated: true };
    }
  }
}
