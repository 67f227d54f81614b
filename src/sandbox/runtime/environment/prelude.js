// The Convex function environment, evaluated in a fresh JavaScript context
// before the functions bundle. Shared by every executor (node:vm in process,
// isolated-vm on the server), so it relies on nothing but the standard
// JavaScript built-ins and a host bridge installed as `globalThis.__convexHost`:
//
//   syscall(op, argsJson)       -> "1" + resultJson | "0" + errorJson
//   asyncSyscall(op, argsJson)  -> Promise<"1" + resultJson | "0" + errorJson>
//   immediateSyscall(op, argsJson) (optional) -> envelope now, or null to use asyncSyscall
//   log(level, message)         -> undefined
//
// where errorJson is `{"message": string, "data"?: JSON}` (data = ConvexError
// data in convex_encoded_json form). The bridge always resolves, so that no
// error object has to cross the boundary. Besides the Convex syscalls, two
// async ops are answered by the executor itself: `sandbox/sleep {ms}` (timers
// in actions) and `sandbox/fetch` (fetch in actions, see below).
//
// Host classes the executor may provide as globals (used when present):
// TextEncoder, TextDecoder, URL, URLSearchParams, Headers, Request, Response,
// Blob, File, FormData, AbortController, AbortSignal, ReadableStream,
// atob, btoa, structuredClone, and `__convexHostCrypto` (a WebCrypto object).
//
// It installs `globalThis.Convex`, `console`, deterministic `Date`,
// `Math.random`, `crypto`, `performance`, and refuses `fetch`/`setTimeout`/
// `setInterval` in queries and mutations, then exposes
// `globalThis.__convexRuntime` for the executor:
//
//   setImportEnvironment(environmentJson)  -> {vars, seed, timeMs}: process.env,
//                                             Math.random and Date while modules load
//   finishImport()                         -> describe JSON (exports, schema, crons)
//   invoke(callJson)                       -> Promise<"1" + resultJson | "0" + errorJson>
//     callJson = {module, name, udfType, requestId, argsJson, env}
//   invokeHttp(callJson)                   -> Promise<"1" + responseJson | "0" + errorJson>
//     callJson = {request: SerializedRequest, requestId, env}
//
// where errorJson here is `{"message", "name", "stack", "errorData"?}`.
(function installConvexEnvironment() {
  "use strict";
  var host = globalThis.__convexHost;
  if (!host) throw new Error("The Convex environment needs globalThis.__convexHost");
  delete globalThis.__convexHost;

  var RealDate = Date;
  var hostCrypto = globalThis.__convexHostCrypto || globalThis.crypto || null;
  delete globalThis.__convexHostCrypto;

  var state = {
    importing: true,
    importRng: null,
    importTimeMs: null,
    deterministic: true,
    nowMs: 0,
    active: 0,
    rng: null,
    timeOrigin: RealDate.now(),
  };

  // ------------------------------------------------------------ syscalls

  function unwrap(envelope) {
    if (envelope.charCodeAt(0) === 49 /* "1" */) return envelope.slice(1);
    var info = JSON.parse(envelope.slice(1));
    var error = new Error(info.message);
    if (info.data !== undefined) error.data = info.data;
    throw error;
  }

  function syscall(op, argsJson) {
    return unwrap(host.syscall(op, argsJson));
  }

  var immediateSyscall = typeof host.immediateSyscall === "function" ? host.immediateSyscall : null;
  function asyncSyscall(op, argsJson) {
    var envelope = immediateSyscall === null ? null : immediateSyscall(op, argsJson);
    if (envelope === null) return host.asyncSyscall(op, argsJson).then(unwrap);
    try {
      return Promise.resolve(unwrap(envelope));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  var NONDETERMINISM_SUFFIX =
    " in queries and mutations. Please consider using an action. See https://docs.convex.dev/functions/actions for more details.";
  function refuse(what) {
    return new Error("Can't use " + what + NONDETERMINISM_SUFFIX);
  }

  function jsSyscall(op, args) {
    switch (op) {
      case "storage/storeBlob":
        return storeBlob(args);
      case "storage/getBlob":
        return getBlob(args);
      default:
        throw new Error("Unknown JS syscall: " + op);
    }
  }

  function storeBlob(args) {
    if (state.deterministic) return Promise.reject(refuse("storage.store()"));
    // As Convex's runtime: a Request, string or ArrayBuffer is refused rather than guessed at.
    if (typeof Blob === "function" && !(args.blob instanceof Blob)) {
      return Promise.reject(
        new Error(
          "store() expects a Blob. If you are trying to store a Request, `await request.blob()` will give you the correct input.",
        ),
      );
    }
    return args.blob.arrayBuffer().then(function (buffer) {
      var request = {
        requestId: args.requestId,
        version: args.version,
        blob: bytesToBase64(new Uint8Array(buffer)),
        contentType: args.blob.type || null,
      };
      if (args.options && args.options.sha256) request.sha256 = args.options.sha256;
      return asyncSyscall("1.0/storageStore", JSON.stringify(request)).then(JSON.parse);
    });
  }

  function getBlob(args) {
    if (state.deterministic) return Promise.reject(refuse("storage.get()"));
    var request = { requestId: args.requestId, version: args.version, storageId: args.storageId };
    return asyncSyscall("1.0/storageGet", JSON.stringify(request)).then(function (json) {
      var result = JSON.parse(json);
      if (result === null) return null;
      return new Blob([base64ToBytes(result.blob)], result.contentType ? { type: result.contentType } : {});
    });
  }

  globalThis.Convex = { syscall: syscall, asyncSyscall: asyncSyscall, jsSyscall: jsSyscall };

  // ------------------------------------------------------------ base64

  var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  function bytesToBase64(bytes) {
    var out = "";
    var i = 0;
    for (; i + 2 < bytes.length; i += 3) {
      var n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
      out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
    }
    if (i < bytes.length) {
      var rest = bytes.length - i;
      var m = (bytes[i] << 16) | (rest === 2 ? bytes[i + 1] << 8 : 0);
      out += B64[(m >> 18) & 63] + B64[(m >> 12) & 63] + (rest === 2 ? B64[(m >> 6) & 63] : "=") + "=";
    }
    return out;
  }
  function base64ToBytes(text) {
    var clean = text.replace(/[^A-Za-z0-9+/]/g, "");
    var bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
    var j = 0;
    for (var i = 0; i < clean.length; i += 4) {
      var n =
        (B64.indexOf(clean[i]) << 18) |
        (B64.indexOf(clean[i + 1]) << 12) |
        ((i + 2 < clean.length ? B64.indexOf(clean[i + 2]) : 0) << 6) |
        (i + 3 < clean.length ? B64.indexOf(clean[i + 3]) : 0);
      if (j < bytes.length) bytes[j++] = (n >> 16) & 255;
      if (j < bytes.length) bytes[j++] = (n >> 8) & 255;
      if (j < bytes.length) bytes[j++] = n & 255;
    }
    return bytes;
  }

  // ------------------------------------------------------------ console

  // Arguments are formatted like the `object-inspect` package with
  // `{ indent: 2 }`, which is what Convex's own console uses: every argument,
  // strings included, is inspected (no %s substitution), joined with spaces.
  function lowbyte(c) {
    var n = c.charCodeAt(0);
    var named = { 8: "b", 9: "t", 10: "n", 12: "f", 13: "r" }[n];
    if (named) return "\\" + named;
    return "\\x" + (n < 0x10 ? "0" : "") + n.toString(16).toUpperCase();
  }
  function quote(s) {
    return "'" + s.replace(/(['\\])/g, "\\$1").replace(/[\x00-\x1f]/g, lowbyte) + "'";
  }
  var MAX_DEPTH = 5;
  var INDENT = "  ";

  function indentedJoin(items, depth) {
    var prev = new Array(depth + 1).join(INDENT);
    var joiner = "\n" + prev + INDENT;
    return joiner + items.join("," + joiner) + "\n" + prev;
  }
  function singleLine(items) {
    for (var i = 0; i < items.length; i++) if (items[i].indexOf("\n") >= 0) return false;
    return true;
  }
  function objectEntries(obj, depth, seen) {
    var out = [];
    Object.keys(obj).forEach(function (key) {
      if (Array.isArray(obj) && /^\d+$/.test(key)) return;
      var name = /[^\w$]/.test(key) ? quote(key) : key;
      out.push(name + ": " + inspect(obj[key], depth + 1, seen));
    });
    return out;
  }

  function inspect(value, depth, seen) {
    switch (typeof value) {
      case "undefined":
        return "undefined";
      case "boolean":
        return value ? "true" : "false";
      case "string":
        return quote(value);
      case "number":
        return value === 0 ? (1 / value > 0 ? "0" : "-0") : String(value);
      case "bigint":
        return String(value) + "n";
      case "symbol":
        return value.toString();
    }
    if (value === null) return "null";
    if (depth >= MAX_DEPTH && typeof value === "object") return Array.isArray(value) ? "[Array]" : "[Object]";
    if (seen.indexOf(value) !== -1) return "[Circular]";
    var nested = seen.concat([value]);
    if (typeof value === "function") {
      var fnKeys = objectEntries(value, depth, nested);
      return "[Function" + (value.name ? ": " + value.name : " (anonymous)") + "]" + (fnKeys.length ? " { " + fnKeys.join(", ") + " }" : "");
    }
    if (Array.isArray(value)) {
      if (value.length === 0) return "[]";
      var xs = [];
      for (var i = 0; i < value.length; i++) xs.push(i in value ? inspect(value[i], depth + 1, nested) : "");
      xs = xs.concat(objectEntries(value, depth, nested));
      if (!singleLine(xs)) return "[" + indentedJoin(xs, depth) + "]";
      return "[ " + xs.join(", ") + " ]";
    }
    if (value instanceof Error) {
      var parts = objectEntries(value, depth, nested);
      if (parts.length === 0) return "[" + String(value) + "]";
      return "{ [" + String(value) + "] " + parts.join(", ") + " }";
    }
    // object-inspect's customInspect, as Convex's console sets it: an object's own
    // inspect() speaks for it (so process.env logs as "[process.env]").
    if (typeof value === "object" && typeof value.inspect === "function") return String(value.inspect());
    if (value instanceof Map || value instanceof Set) {
      var members = [];
      value.forEach(function (v, k) {
        members.push(value instanceof Map ? inspect(k, depth + 1, nested) + " => " + inspect(v, depth + 1, nested) : inspect(v, depth + 1, nested));
      });
      var kind = value instanceof Map ? "Map" : "Set";
      return kind + " (" + value.size + ") {" + (members.length ? indentedJoin(members, depth) : "") + "}";
    }
    if (value instanceof RealDate || value instanceof RegExp) return String(value);
    var ys = objectEntries(value, depth, nested);
    var proto = Object.getPrototypeOf(value);
    var plain = proto === Object.prototype;
    var tag = "";
    if (proto === null) tag = "[Object: null prototype] ";
    else if (!plain && typeof value.constructor === "function" && value.constructor.name) tag = value.constructor.name + " ";
    if (ys.length === 0) return tag + "{}";
    return tag + "{" + indentedJoin(ys, depth) + "}";
  }

  function formatArgs(args) {
    return args.map(function (arg) { return inspect(arg, 0, []); }).join(" ");
  }

  function logger(level) {
    return function () {
      host.log(level, formatArgs(Array.prototype.slice.call(arguments)));
    };
  }
  var timers = {};
  var counts = {};
  globalThis.console = {
    log: logger("log"),
    info: logger("info"),
    warn: logger("warn"),
    error: logger("error"),
    debug: logger("debug"),
    trace: logger("log"),
    assert: function (condition) {
      if (condition) return;
      var rest = Array.prototype.slice.call(arguments, 1);
      host.log("error", "Assertion failed" + (rest.length ? ": " + formatArgs(rest) : ""));
    },
    count: function (label) {
      label = label === undefined ? "default" : String(label);
      counts[label] = (counts[label] || 0) + 1;
      host.log("info", label + ": " + counts[label]);
    },
    countReset: function (label) { delete counts[label === undefined ? "default" : String(label)]; },
    time: function (label) { timers[label === undefined ? "default" : String(label)] = monotonicNow(); },
    timeLog: function (label) {
      label = label === undefined ? "default" : String(label);
      if (timers[label] === undefined) return host.log("warn", "Timer '" + label + "' does not exist");
      host.log("info", label + ": " + (monotonicNow() - timers[label]) + "ms");
    },
    timeEnd: function (label) {
      label = label === undefined ? "default" : String(label);
      if (timers[label] === undefined) return host.log("warn", "Timer '" + label + "' does not exist");
      host.log("info", label + ": " + (monotonicNow() - timers[label]) + "ms");
      delete timers[label];
    },
    table: logger("log"),
    dir: logger("log"),
  };

  // ------------------------------------------------------------ time

  // At import time: the push's timestamp and a generator seeded per push (see
  // setImportEnvironment); code loaded without them is refused, as Convex
  // refuses modules pushed before it had them.
  function currentTimeMs() {
    if (state.importing) {
      if (state.importTimeMs === null) throw new Error("Date unsupported at import time");
      return state.importTimeMs;
    }
    return state.deterministic ? state.nowMs : RealDate.now();
  }
  function monotonicNow() {
    if (state.deterministic) return 0;
    return RealDate.now() - state.timeOrigin;
  }

  function SandboxDate() {
    var args = Array.prototype.slice.call(arguments);
    if (!new.target) return new RealDate(currentTimeMs()).toString();
    if (args.length === 0) return Reflect.construct(RealDate, [currentTimeMs()], new.target);
    return Reflect.construct(RealDate, args, new.target);
  }
  SandboxDate.prototype = RealDate.prototype;
  Object.defineProperty(RealDate.prototype, "constructor", { value: SandboxDate, writable: true, configurable: true });
  SandboxDate.now = function now() { return currentTimeMs(); };
  SandboxDate.parse = RealDate.parse;
  SandboxDate.UTC = RealDate.UTC;
  globalThis.Date = SandboxDate;

  globalThis.performance = {
    now: function now() { return monotonicNow(); },
    get timeOrigin() { return state.timeOrigin; },
  };

  // ------------------------------------------------------------ randomness

  // sfc32, seeded per call through splitmix32: deterministic for queries and mutations.
  function seededRandom(seed) {
    var s = seed >>> 0;
    function splitmix() {
      s = (s + 0x9e3779b9) | 0;
      var z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    }
    var a = splitmix(), b = splitmix(), c = splitmix(), d = splitmix();
    return function next() {
      a |= 0; b |= 0; c |= 0; d |= 0;
      var t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      return (t >>> 0) / 4294967296;
    };
  }
  var hostRandom = Math.random;
  Math.random = function random() {
    if (state.importing) {
      if (state.importRng === null) throw new Error("Math.random unsupported at import time");
      return state.importRng();
    }
    return state.deterministic ? state.rng() : hostRandom();
  };

  function fillRandom(array) {
    if (state.importing) throw new Error("Cannot use cryptographic randomness at import time");
    if (!state.deterministic && hostCrypto && hostCrypto.getRandomValues) {
      var scratch = new Uint8Array(array.byteLength);
      hostCrypto.getRandomValues(scratch);
      new Uint8Array(array.buffer, array.byteOffset, array.byteLength).set(scratch);
      return array;
    }
    var bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    for (var i = 0; i < bytes.length; i++) bytes[i] = Math.floor(state.rng() * 256);
    return array;
  }
  function randomUUID() {
    var b = fillRandom(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }
  globalThis.crypto = {
    getRandomValues: fillRandom,
    randomUUID: randomUUID,
    subtle: hostCrypto ? hostCrypto.subtle : undefined,
  };

  // ------------------------------------------------------------ timers, fetch

  var nextTimerId = 1;
  var liveTimers = {};
  function startTimer(fn, ms, args, repeat) {
    if (state.deterministic) throw refuse(repeat ? "setInterval" : "setTimeout");
    var id = nextTimerId++;
    liveTimers[id] = true;
    var delay = Math.max(0, Number(ms) || 0);
    function tick() {
      asyncSyscall("sandbox/sleep", JSON.stringify({ ms: delay })).then(function () {
        if (!liveTimers[id]) return;
        if (!repeat) delete liveTimers[id];
        if (typeof fn === "function") fn.apply(undefined, args);
        if (repeat && liveTimers[id]) tick();
      });
    }
    tick();
    return id;
  }
  globalThis.setTimeout = function setTimeout(fn, ms) {
    return startTimer(fn, ms, Array.prototype.slice.call(arguments, 2), false);
  };
  globalThis.setInterval = function setInterval(fn, ms) {
    return startTimer(fn, ms, Array.prototype.slice.call(arguments, 2), true);
  };
  globalThis.clearTimeout = globalThis.clearInterval = function clearTimer(id) {
    delete liveTimers[id];
  };

  if (typeof TextEncoder === "function") {
    // Copy encoder output into this realm, so `instanceof ArrayBuffer` holds for its buffer.
    var HostTextEncoder = TextEncoder;
    globalThis.TextEncoder = function TextEncoder() {
      var inner = new HostTextEncoder();
      this.encoding = "utf-8";
      this.encode = function encode(text) { return new Uint8Array(inner.encode(text)); };
      this.encodeInto = function encodeInto(text, dest) { return inner.encodeInto(text, dest); };
    };
  }

  function realmBuffer(buffer) {
    var copy = new Uint8Array(buffer.byteLength);
    copy.set(new Uint8Array(buffer));
    return copy.buffer;
  }

  globalThis.fetch = function fetch(input, init) {
    if (state.deterministic) return Promise.reject(refuse("fetch()"));
    var request;
    try {
      request = new Request(input, init);
    } catch (e) {
      return Promise.reject(e);
    }
    var headers = [];
    request.headers.forEach(function (value, key) { headers.push([key, value]); });
    // Not every Request implementation exposes `body` as a stream (the isolate's
    // polyfill keeps it internally), so any request that may carry a body is read.
    var mayHaveBody = request.body != null || (request.method !== "GET" && request.method !== "HEAD");
    var bodyPromise = mayHaveBody
      ? request.arrayBuffer().then(function (bytes) {
          return bytes.byteLength === 0 && request.body == null ? null : bytes;
        })
      : Promise.resolve(null);
    return bodyPromise
      .then(function (body) {
        var serialized = {
          url: request.url,
          method: request.method,
          headers: headers,
          bodyBase64: body === null ? null : bytesToBase64(new Uint8Array(body)),
        };
        return asyncSyscall("sandbox/fetch", JSON.stringify(serialized));
      })
      .then(function (json) {
        var r = JSON.parse(json);
        var response = new Response(r.bodyBase64 === null ? null : base64ToBytes(r.bodyBase64), {
          status: r.status,
          statusText: r.statusText || "",
          headers: r.headers,
        });
        Object.defineProperty(response, "url", { value: request.url });
        return response;
      });
  };

  // `process.env` as Convex builds it (udf-runtime setup.ts): a Proxy whose
  // `get` looks the name up in the deployment's variables. A name Convex would
  // refuse throws its error; assignments are never read back; nothing is
  // enumerable (`Object.keys(process.env)` is empty). The values are the
  // variables when the code was loaded (import time, set by the first line of
  // the bundle), then each call's own.
  var ENV_NAME = /^[a-zA-Z_]+[a-zA-Z0-9_]*$/;
  var MAX_ENV_NAME_LENGTH = 256;
  var envValues = {};
  var envTarget = {};
  var processEnv = new Proxy(envTarget, {
    get: function (target, prop, receiver) {
      if (typeof prop !== "string") return Reflect.get(target, prop, receiver);
      if (!ENV_NAME.test(prop)) {
        throw new Error("The environment variable name " + prop + " is invalid. Environment variable names must begin with a letter and may only include characters a-z, A-Z, 0-9, and underscores.");
      }
      if (prop.length > MAX_ENV_NAME_LENGTH) {
        throw new Error("The environment variable name " + prop + " is too long. Environment variable names must be less than " + MAX_ENV_NAME_LENGTH + ".");
      }
      if (Object.prototype.hasOwnProperty.call(envValues, prop)) return envValues[prop];
      if (prop === "inspect") return function () { return "[process.env]"; };
      return undefined;
    },
  });
  globalThis.process = { env: processEnv };
  // Each call states the deployment's variables; what user code assigned meanwhile is dropped.
  function setProcessEnv(vars) {
    if (!vars) return;
    var values = Object.create(null);
    for (var key in vars) values[key] = vars[key];
    envValues = values;
    for (var own in envTarget) delete envTarget[own];
  }

  // ------------------------------------------------------------ invocation

  function modules() {
    var m = globalThis.__convexModules;
    if (!m) throw new Error("The functions bundle did not define any modules");
    return m;
  }

  function parseOrNull(text) {
    return typeof text === "string" ? JSON.parse(text) : null;
  }

  function describeExport(module, name, value) {
    var info = { module: module, name: name, kind: "other", visibility: null, args: null, returns: null };
    if (value === null || (typeof value !== "object" && typeof value !== "function")) return info;
    if (value.isQuery || value.isMutation || value.isAction) {
      info.kind = value.isQuery ? "query" : value.isMutation ? "mutation" : "action";
      info.visibility = value.isInternal ? "internal" : "public";
      info.args = typeof value.exportArgs === "function" ? parseOrNull(value.exportArgs()) : null;
      info.returns = typeof value.exportReturns === "function" ? parseOrNull(value.exportReturns()) : null;
    } else if (value.isHttp) {
      info.kind = "httpAction";
    } else if (value.isRouter) {
      info.kind = "router";
    } else if (value.isCrons) {
      info.kind = "crons";
    } else if (module === "schema" && name === "default" && typeof value.export === "function") {
      info.kind = "schema";
    }
    return info;
  }

  function finishImport() {
    state.importing = false;
    var all = modules();
    var exports = [];
    var schema = null;
    var crons = null;
    Object.keys(all).forEach(function (module) {
      var ns = all[module];
      Object.keys(ns).forEach(function (name) {
        var info = describeExport(module, name, ns[name]);
        if (info.kind === "schema") schema = JSON.parse(ns[name].export());
        if (info.kind === "crons" && module === "crons" && name === "default") crons = JSON.parse(ns[name].export());
        exports.push(info);
      });
    });
    var httpRoutes = [];
    var router = all["http"] && all["http"]["default"];
    if (router && router.isRouter === true && typeof router.getRoutes === "function") {
      router.getRoutes().forEach(function (route) { httpRoutes.push({ path: route[0], method: route[1] }); });
    }
    return JSON.stringify({ exports: exports, schema: schema, crons: crons, httpRoutes: httpRoutes });
  }

  function beginCall(env) {
    if (state.active === 0) {
      state.deterministic = !!env.deterministic;
      state.nowMs = env.nowMs;
      state.rng = seededRandom(env.seed);
      setProcessEnv(env.processEnv);
    }
    state.active++;
  }
  function endCall() {
    state.active--;
  }

  function errorEnvelope(thrown) {
    var info;
    if (thrown instanceof Error || (thrown && typeof thrown === "object" && "message" in thrown)) {
      info = { name: thrown.name || "Error", message: String(thrown.message), stack: String(thrown.stack || "") };
      if (thrown.ConvexErrorSymbol === Symbol.for("ConvexError") && typeof thrown.data === "string") {
        info.errorData = JSON.parse(thrown.data);
      }
    } else {
      info = { name: null, message: typeof thrown === "string" ? thrown : inspect(thrown, 0, []), stack: "" };
    }
    return "0" + JSON.stringify(info);
  }

  function run(env, body) {
    beginCall(env);
    var promise;
    try {
      promise = Promise.resolve(body());
    } catch (e) {
      promise = Promise.reject(e);
    }
    return promise.then(
      function (result) { endCall(); return "1" + result; },
      function (error) { endCall(); return errorEnvelope(error); },
    );
  }

  function invoke(callJson) {
    var call = JSON.parse(callJson);
    return run(call.env, function () {
      var ns = modules()[call.module];
      var fn = ns ? ns[call.name] : undefined;
      if (!fn) throw new Error("Could not find function " + call.module + ":" + call.name);
      if (call.udfType === "query") return fn.invokeQuery(call.argsJson);
      if (call.udfType === "mutation") return fn.invokeMutation(call.argsJson);
      return fn.invokeAction(call.requestId, call.argsJson);
    });
  }

  function invokeHttp(callJson) {
    var call = JSON.parse(callJson);
    return run(call.env, function () {
      var ns = modules()["http"];
      var router = ns ? ns["default"] : undefined;
      if (!router || router.isRouter !== true) throw new Error("The default export of `convex/http.js` is not a Router.");
      var req = call.request;
      var url = new URL(req.url);
      var method = req.method.toUpperCase() === "HEAD" ? "GET" : req.method.toUpperCase();
      var match = router.lookup(url.pathname, method);
      if (!match) {
        return JSON.stringify({ status: 404, statusText: "Not Found", headers: [["content-type", "text/plain"]], bodyBase64: bytesToBase64(new TextEncoder().encode("No matching routes found")) });
      }
      var hasBody = req.bodyBase64 !== null && method !== "GET";
      var request = new Request(req.url, {
        method: req.method,
        headers: req.headers,
        body: hasBody ? base64ToBytes(req.bodyBase64) : undefined,
      });
      return match[0].invokeHttpAction(request).then(function (response) {
        return response.arrayBuffer().then(function (body) {
          var headers = [];
          response.headers.forEach(function (value, key) { headers.push([key, value]); });
          return JSON.stringify({
            status: response.status,
            statusText: response.statusText,
            headers: headers,
            bodyBase64: body.byteLength === 0 && response.body === null ? null : bytesToBase64(new Uint8Array(realmBuffer(body))),
          });
        });
      });
    });
  }

  // Called by the bundle's first statement, before any module runs:
  // {vars, seed, timeMs} of the push.
  function setImportEnvironment(environmentJson) {
    if (!state.importing) return;
    var environment = JSON.parse(environmentJson);
    setProcessEnv(environment.vars);
    state.importRng = seededRandom(environment.seed);
    state.importTimeMs = environment.timeMs;
  }

  globalThis.__convexRuntime = {
    setImportEnvironment: setImportEnvironment,
    finishImport: finishImport,
    invoke: invoke,
    invokeHttp: invokeHttp,
  };
})();
