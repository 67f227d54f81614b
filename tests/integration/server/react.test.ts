// @vitest-environment jsdom
import { ConvexHttpClient } from "convex/browser";
import { ConvexProvider, ConvexReactClient, useMutation, useQuery } from "convex/react";
import { createElement, useEffect } from "react";
import { createRoot } from "react-dom/client";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startChildServer, type ChildServer } from "./child-process.ts";
import { api, waitFor } from "./counter-app.ts";


// esbuild (which the server bundles with) cannot run under jsdom, so the server runs in its own process.
let server: ChildServer;
beforeAll(async () => {
  server = await startChildServer("none");
});
afterAll(() => {
  server.child.kill("SIGKILL");
});

function Counter({ onRender, onIncrement }: { onRender: (v: number | undefined) => void; onIncrement: (f: () => Promise<unknown>) => void }) {
  const value = useQuery(api.counters.get, { name: "react" }) as number | undefined;
  const increment = useMutation(api.counters.increment);
  useEffect(() => onIncrement(() => increment({ name: "react" })), [increment, onIncrement]);
  onRender(value);
  return createElement("span", { id: "value" }, value === undefined ? "loading" : String(value));
}

describe("ConvexReactClient against the sandbox", () => {
  it("re-renders useQuery after mutations from itself and from another client", async () => {
    const client = new ConvexReactClient(server.cloudUrl, {
      webSocketConstructor: WebSocket as unknown as typeof globalThis.WebSocket,
      logger: false,
    });
    const container = document.createElement("div");
    document.body.appendChild(container);
    const root = createRoot(container);
    const renders: Array<number | undefined> = [];
    let increment: (() => Promise<unknown>) | null = null;
    try {
      // Rendered as a browser would: updates arrive from the network, not inside act().
      root.render(
        createElement(ConvexProvider, { client }, createElement(Counter, { onRender: (v) => renders.push(v), onIncrement: (f) => (increment = f) })),
      );
      await waitFor(() => container.textContent === "0", 5000, "first result");
      await increment!();
      await waitFor(() => container.textContent === "1", 5000, "re-render after its own mutation");
      await new ConvexHttpClient(server.cloudUrl).mutation(api.counters.increment, { name: "react", by: 10 });
      await waitFor(() => container.textContent === "11", 5000, "re-render after another client's mutation");
      expect(renders).toContain(undefined);
      expect(renders.at(-1)).toBe(11);
    } finally {
      root.unmount();
      await client.close();
    }
  });
});
