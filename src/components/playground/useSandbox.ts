/**
 * The island's link to its sandbox: pushes the convex/ files (coalescing bursts of saves),
 * keeps the last function list and push errors, and notices when no server is running.
 */
import { useCallback, useMemo, useRef, useState } from "react";
import { SandboxSession, sandboxServerUrl } from "../../lib/playground/sandbox/sandboxSession";
import { SandboxUnreachableError, type FunctionInfo, type PushError, type SandboxInfo } from "../../lib/playground/sandbox/sandboxApi";
import { convexFiles } from "../../lib/playground/files";
import type { FileMap } from "../../lib/playground/types";

export type ServerStatus = "idle" | "pushing" | "ready" | "push-failed" | "unreachable" | "error";

export interface SandboxState {
  status: ServerStatus;
  sandbox: SandboxInfo | null;
  functions: FunctionInfo[];
  pushErrors: PushError[];
  message: string | null;
  serverUrl: string;
  /** Pushes these files now (or joins a push already under way for the same files); the sandbox on success. */
  push(files: FileMap): Promise<SandboxInfo | null>;
}

export function useSandbox(playgroundId: string): SandboxState {
  const serverUrl = useMemo(sandboxServerUrl, []);
  const session = useMemo(() => new SandboxSession(serverUrl, playgroundId), [serverUrl, playgroundId]);
  const [status, setStatus] = useState<ServerStatus>("idle");
  const [sandbox, setSandbox] = useState<SandboxInfo | null>(null);
  const [functions, setFunctions] = useState<FunctionInfo[]>([]);
  const [pushErrors, setPushErrors] = useState<PushError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const inFlight = useRef<{ key: string; promise: Promise<SandboxInfo | null> } | null>(null);
  const lastPushed = useRef<string | null>(null);

  const push = useCallback(
    (files: FileMap): Promise<SandboxInfo | null> => {
      const convex = convexFiles(files);
      const key = JSON.stringify(convex);
      if (inFlight.current?.key === key) return inFlight.current.promise;
      if (lastPushed.current === key && session.sandbox) return Promise.resolve(session.sandbox);
      const promise = (async () => {
        setStatus("pushing");
        try {
          const { sandbox: target, result } = await session.push(convex);
          setSandbox(target);
          if (result.ok) {
            setFunctions(result.functions);
            setPushErrors([]);
            setStatus("ready");
            setMessage(null);
            lastPushed.current = key;
            return target;
          }
          setPushErrors(result.errors);
          setStatus("push-failed");
          setMessage(result.errors.map((e) => (e.file ? `${e.file}:${e.line ?? 1}: ${e.message}` : e.message)).join("\n"));
          lastPushed.current = null;
          return null;
        } catch (error) {
          setStatus(error instanceof SandboxUnreachableError ? "unreachable" : "error");
          setMessage((error as Error).message);
          lastPushed.current = null;
          return null;
        } finally {
          if (inFlight.current?.key === key) inFlight.current = null;
        }
      })();
      inFlight.current = { key, promise };
      return promise;
    },
    [session],
  );

  // One object per change of state, so callbacks that depend on it stay the same across renders.
  return useMemo(
    () => ({ status, sandbox, functions, pushErrors, message, serverUrl, push }),
    [status, sandbox, functions, pushErrors, message, serverUrl, push],
  );
}
