/**
 * The environment prelude on its own, in a bare vm context with a recording
 * bridge: console formatting, deterministic time and randomness, refusals.
 */
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { ENVIRONMENT_PRELUDE } from "../../../src/sandbox/runtime/environment/index.ts";

function environment() {
  const logs: string[] = [];
  const calls: string[] = [];
  const context = vm.createContext({
    __convexHost: {
      syscall: (op: string, json: string) => {
        calls.push(`${op} ${json}`);
        return op === "fail" ? '0{"message":"nope","data":{"x":1}}' : '1{"ok":true}';
      },
      asyncSyscall: async (op: string, json: string) => {
        calls.push(`${op} ${json}`);
        return "1null";
      },
      log: (level: string, message: string) => logs.push(`${level} ${message}`),
    },
  });
  vm.runInContext(ENVIRONMENT_PRELUDE, context);
  const run = (code: string) => vm.runInContext(code, context);
  return { logs, calls, run };
}

describe("environment prelude", () => {
  it("formats console arguments as Convex does", () => {
    const env = environment();
    env.run(`__convexRuntime; globalThis.__convexModules = {}; __convexRuntime.finishImport();
      console.log("a", 1, 2n, -0, null, undefined, [1, "b"], { k: "v", "x-y": [] }, new Map([[1, 2]]));
      console.warn(Object.create(null));`);
    expect(env.logs).toEqual([
      "log 'a' 1 2n -0 null undefined [ 1, 'b' ] {\n  k: 'v',\n  'x-y': []\n} Map (1) {\n  1 => 2\n}",
      "warn [Object: null prototype] {}",
    ]);
  });

  it("unwraps syscall envelopes into results and errors with data", () => {
    const env = environment();
    expect(env.run('Convex.syscall("op", "{}")')).toBe('{"ok":true}');
    expect(() => env.run('Convex.syscall("fail", "{}")')).toThrow("nope");
    expect(env.run('try { Convex.syscall("fail", "{}") } catch (e) { JSON.stringify(e.data) }')).toBe('{"x":1}');
    expect(() => env.run('Convex.jsSyscall("nope/op", {})')).toThrow("Unknown JS syscall: nope/op");
  });

  it("refuses Date and Math.random while modules load without a push's seed and time", () => {
    const env = environment();
    expect(() => env.run("Date.now()")).toThrow("Date unsupported at import time");
    expect(() => env.run("new Date()")).toThrow("Date unsupported at import time");
    expect(() => env.run("Math.random()")).toThrow("Math.random unsupported at import time");
    expect(env.run("new Date(0).toISOString()")).toBe("1970-01-01T00:00:00.000Z");
  });

  it("gives modules loading with a push's seed and time that time and a generator seeded with it", () => {
    const draw = () => {
      const env = environment();
      env.run(`__convexRuntime.setImportEnvironment(${JSON.stringify(JSON.stringify({ vars: {}, seed: 42, timeMs: 1_700_000_000_000 }))})`);
      return env.run("JSON.stringify([Date.now(), new Date().getTime(), Math.random(), Math.random()])") as string;
    };
    const [now, date, a, b] = JSON.parse(draw()) as number[];
    expect([now, date]).toEqual([1_700_000_000_000, 1_700_000_000_000]);
    expect(a).not.toBe(b);
    expect(draw()).toBe(draw());
  });

  it("freezes time and seeds randomness per call", async () => {
    const env = environment();
    env.run(`globalThis.__convexModules = { m: { f: { invokeQuery: async () => JSON.stringify([Date.now(), new Date().getTime(), Math.random(), Date() === new Date(${1_700_000_000_000}).toString()]) } } };
      __convexRuntime.finishImport();`);
    const call = (seed: number) =>
      env.run(
        `__convexRuntime.invoke(${JSON.stringify(
          JSON.stringify({ module: "m", name: "f", udfType: "query", requestId: "r", argsJson: "[{}]", env: { deterministic: true, nowMs: 1_700_000_000_000, seed, timeoutMs: 1000 } }),
        )})`,
      ) as Promise<string>;
    const a = await call(1);
    const b = await call(1);
    const c = await call(2);
    const parsed = JSON.parse(a.slice(1));
    expect(parsed[0]).toBe(1_700_000_000_000);
    expect(parsed[1]).toBe(1_700_000_000_000);
    expect(parsed[3]).toBe(true);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it("reports thrown values as error envelopes", async () => {
    const env = environment();
    env.run(`globalThis.__convexModules = { m: { f: { invokeMutation: async () => { throw "plain string"; } } } };
      __convexRuntime.finishImport();`);
    const result = (await env.run(
      `__convexRuntime.invoke(${JSON.stringify(JSON.stringify({ module: "m", name: "f", udfType: "mutation", requestId: "", argsJson: "[{}]", env: { deterministic: true, nowMs: 0, seed: 0, timeoutMs: 1000 } }))})`,
    )) as string;
    expect(result[0]).toBe("0");
    expect(JSON.parse(result.slice(1))).toMatchObject({ name: null, message: "plain string" });
  });
});
