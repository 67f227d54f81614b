// Web platform globals that V8 alone lacks and that the `convex` package and
// user code expect (TextEncoder/TextDecoder, atob/btoa, URL, structuredClone,
// Blob/File, Headers/Request/Response, AbortController), taken from
// maintained pure-JS polyfills. Bundled by esbuild into one classic script
// that runs in each isolate context before the Convex environment.
//
// The larger polyfills are installed as lazy globals: their module code runs
// the first time a function touches them, which keeps a new isolate cheap.
import "fast-text-encoding";
import { AbortController, AbortSignal } from "abort-controller/dist/abort-controller.mjs";
import "./web-fetch.entry.js";

const g = globalThis;
g.AbortController = AbortController;
g.AbortSignal = AbortSignal;

function lazyGlobal(name, load) {
  Object.defineProperty(g, name, {
    configurable: true,
    enumerable: false,
    get() {
      const value = load();
      Object.defineProperty(g, name, { value, configurable: true, writable: true, enumerable: false });
      return value;
    },
    set(value) {
      Object.defineProperty(g, name, { value, configurable: true, writable: true, enumerable: false });
    },
  });
}

lazyGlobal("URL", () => require("core-js-pure/stable/url/index.js"));
lazyGlobal("URLSearchParams", () => require("core-js-pure/stable/url-search-params/index.js"));
lazyGlobal("atob", () => require("core-js-pure/stable/atob.js"));
lazyGlobal("btoa", () => require("core-js-pure/stable/btoa.js"));
lazyGlobal("structuredClone", () => require("core-js-pure/stable/structured-clone.js"));
