/**
 * Live preview: the learner's src/App.tsx compiled in the browser (esbuild-wasm) and run in
 * a sandboxed iframe (opaque origin: no access to this page, its storage or the admin key)
 * with a real ConvexReactClient on the sandbox. "Open in a window" shows the same app in a
 * second window, to watch reactivity across clients.
 */
import { useEffect, useRef, useState } from "react";
import { compileApp } from "../../lib/playground/preview/compileApp";
import { previewDocument, previewWindowShell } from "../../lib/playground/preview/frameDocument";
import type { FileMap } from "../../lib/playground/types";

interface Props {
  playgroundId: string;
  files: FileMap;
  deploymentUrl: string | null;
  onNeedSandbox(): void;
}

const COMPILE_DELAY_MS = 400;

export default function PreviewPanel({ playgroundId, files, deploymentUrl, onNeedSandbox }: Props) {
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const popup = useRef<Window | null>(null);
  const appSource = Object.entries(files).filter(([p]) => p.startsWith("src/"));
  const appKey = JSON.stringify(appSource);

  useEffect(() => {
    if (!deploymentUrl) onNeedSandbox();
  }, [deploymentUrl, onNeedSandbox]);

  useEffect(() => {
    if (!deploymentUrl) return;
    let live = true;
    const timer = setTimeout(async () => {
      const result = await compileApp(Object.fromEntries(appSource));
      if (!live) return;
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setError(null);
      const runtimeUrl = new URL(`${import.meta.env.BASE_URL.replace(/\/?$/, "/")}playground-preview-runtime.js`, location.href).href;
      setHtml(previewDocument(runtimeUrl, result.modules, deploymentUrl));
    }, COMPILE_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [appKey, deploymentUrl]);

  // Keep a second window, if open, on the same code.
  useEffect(() => {
    const frame = popup.current && !popup.current.closed ? popup.current.document.querySelector("iframe") : null;
    if (frame && html) frame.srcdoc = html;
  }, [html]);

  const openWindow = () => {
    const win = window.open("", `playground-preview-${playgroundId}`, "width=480,height=640");
    if (!win) return;
    win.document.open();
    win.document.write(previewWindowShell(playgroundId));
    win.document.close();
    popup.current = win;
    const frame = win.document.querySelector("iframe");
    if (frame && html) frame.srcdoc = html;
  };

  if (!("src/App.tsx" in files)) return <p className="cp-status">This playground has no src/App.tsx to preview.</p>;
  return (
    <div className="cp-preview" style={{ height: "100%" }}>
      <div className="cp-row">
        <span className="cp-status">src/App.tsx, live on your sandbox</span>
        <button type="button" onClick={openWindow} disabled={!html} data-testid="preview-window-button">
          Open in a window
        </button>
      </div>
      {error && <pre className="cp-error" role="alert">{error}</pre>}
      {!deploymentUrl && <p className="cp-status">Waiting for your sandbox…</p>}
      {html && <iframe className="cp-preview-frame" title="Live preview of src/App.tsx" sandbox="allow-scripts allow-forms" srcDoc={html} data-testid="preview-frame" />}
    </div>
  );
}
