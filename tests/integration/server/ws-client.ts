/** A raw sync-protocol WebSocket client for tests that inspect the frames themselves. */
import WebSocket from "ws";

export class RawSyncClient {
  readonly messages: Array<Record<string, unknown>> = [];
  closed: { code: number; reason: string } | null = null;
  private constructor(readonly ws: WebSocket) {
    ws.on("message", (data) => this.messages.push(JSON.parse(data.toString()) as Record<string, unknown>));
    ws.on("close", (code, reason) => (this.closed = { code, reason: reason.toString() }));
  }

  static open(deploymentUrl: string, path = "/api/1.48.0/sync"): Promise<RawSyncClient> {
    const ws = new WebSocket(deploymentUrl.replace(/^http/, "ws") + path);
    return new Promise((resolve, reject) => {
      ws.once("open", () => resolve(new RawSyncClient(ws)));
      ws.once("error", reject);
    });
  }

  send(message: unknown): void {
    this.ws.send(typeof message === "string" ? message : JSON.stringify(message));
  }

  connect(): void {
    this.send({ type: "Connect", sessionId: crypto.randomUUID(), connectionCount: 0, lastCloseReason: null, clientTs: Date.now() });
  }

  ofType(type: string): Array<Record<string, unknown>> {
    return this.messages.filter((m) => m.type === type);
  }

  async next(type: string, count = 1, timeoutMs = 5000): Promise<Record<string, unknown>> {
    const start = Date.now();
    while (this.ofType(type).length < count) {
      if (Date.now() - start > timeoutMs) throw new Error(`No ${type} #${count} within ${timeoutMs} ms; got ${JSON.stringify(this.messages).slice(0, 500)}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    return this.ofType(type)[count - 1];
  }

  close(): void {
    this.ws.close();
  }
}
