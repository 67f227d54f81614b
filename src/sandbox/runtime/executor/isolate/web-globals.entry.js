// Web platform globals that V8 alone lacks and that the `convex` package and
// user code expect (TextEncoder/TextDecoder, atob/btoa, URL, structuredClone,
// Blob/File/FileReader, Headers/Request/Response, AbortController), taken
// from maintained pure-JS polyfills. Bundled by esbuild into one classic
// script that runs in each isolate context before the Convex environment.
import "fast-text-encoding";
import URL from "core-js-pure/stable/url/index.js";
import URLSearchParams from "core-js-pure/stable/url-search-params/index.js";
import atob from "core-js-pure/stable/atob.js";
import btoa from "core-js-pure/stable/btoa.js";
import structuredClone from "core-js-pure/stable/structured-clone.js";
import { AbortController, AbortSignal } from "abort-controller/dist/abort-controller.mjs";

const g = globalThis;
g.URL = URL;
g.URLSearchParams = URLSearchParams;
g.atob = atob;
g.btoa = btoa;
g.structuredClone = structuredClone;
g.AbortController = AbortController;
g.AbortSignal = AbortSignal;
import "./web-fetch.entry.js";
