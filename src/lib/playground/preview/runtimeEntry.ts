/**
 * The live preview's runtime, bundled at build time into one classic script
 * (/playground-preview-runtime.js) that the sandboxed preview frame loads. It holds the
 * genuine react, react-dom and convex packages; the learner's compiled modules `require`
 * them from here. `_generated/api` is what `npx convex codegen` emits in api.js:
 * `api = anyApi`, `internal = anyApi`.
 */
import * as React from "react";
import * as JsxRuntime from "react/jsx-runtime";
import * as ReactDOMClient from "react-dom/client";
import * as ConvexReact from "convex/react";
import * as ConvexServer from "convex/server";
import * as ConvexValues from "convex/values";
import * as ConvexBrowser from "convex/browser";

const packages: Record<string, unknown> = {
  react: React,
  "react/jsx-runtime": JsxRuntime,
  "react/jsx-dev-runtime": JsxRuntime,
  "react-dom/client": ReactDOMClient,
  "convex/react": ConvexReact,
  "convex/server": ConvexServer,
  "convex/values": ConvexValues,
  "convex/browser": ConvexBrowser,
};

function resolvePath(from: string, specifier: string): string {
  const parts = from.split("/").slice(0, -1);
  for (const part of specifier.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== ".") parts.push(part);
  }
  return parts.join("/");
}

function showError(message: string) {
  const root = document.getElementById("root")!;
  root.innerHTML = "";
  const pre = document.createElement("pre");
  pre.style.cssText = "color:#cf222e;white-space:pre-wrap;font:13px ui-monospace,monospace;padding:8px";
  pre.textContent = message;
  root.appendChild(pre);
}

function start(modules: Record<string, string>, deploymentUrl: string, entry = "src/App.tsx") {
  const cache: Record<string, { exports: any }> = {};
  const load = (path: string): any => {
    const candidates = [path, `${path}.tsx`, `${path}.ts`, `${path}.jsx`, `${path}.js`, `${path}/index.tsx`, `${path}/index.ts`];
    const found = candidates.find((c) => c in modules);
    if (!found) throw new Error(`Cannot find module "${path}" in the playground's files.`);
    if (cache[found]) return cache[found].exports;
    const module = { exports: {} as any };
    cache[found] = module;
    const require = (specifier: string) => {
      if (specifier in packages) return packages[specifier];
      if (/(^|\/)_generated\/api(\.js)?$/.test(specifier)) return { api: ConvexServer.anyApi, internal: ConvexServer.anyApi };
      if (specifier.startsWith(".")) return load(resolvePath(found, specifier));
      throw new Error(`The preview can import react, react-dom/client, convex/* and your own files, not "${specifier}".`);
    };
    new Function("require", "module", "exports", modules[found])(require, module, module.exports);
    return module.exports;
  };
  try {
    const App = load(entry.replace(/\.(tsx?|jsx?)$/, "")).default;
    if (typeof App !== "function") throw new Error(`${entry} must export default a React component.`);
    const client = new ConvexReact.ConvexReactClient(deploymentUrl, { skipConvexDeploymentUrlCheck: true } as any);
    const root = ReactDOMClient.createRoot(document.getElementById("root")!);
    root.render(React.createElement(ConvexReact.ConvexProvider, { client }, React.createElement(App)));
  } catch (error) {
    showError(error instanceof Error ? `${error.message}` : String(error));
  }
}

window.addEventListener("error", (event) => showError(String(event.error?.message ?? event.message)));
(globalThis as any).playgroundPreview = { start, showError };
