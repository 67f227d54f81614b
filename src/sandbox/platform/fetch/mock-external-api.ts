/**
 * A small set of pretend third-party APIs, served in-process, so lessons can
 * teach actions with side effects (sending an email, charging a card,
 * fetching a forecast) without the internet. Every request is recorded, and
 * lessons read what was "sent" through `requests()` / `sentEmails()`.
 *
 *   POST https://api.example-mail.test/send      {to, subject, text?|html?, from?} → {id, status:"queued"}
 *   GET  https://api.example-mail.test/messages  → {messages:[…]} (what was sent so far)
 *   POST https://api.example-payments.test/charges {amount (integer cents), currency} → {id, status:"succeeded", …}
 *   GET  https://api.example-weather.test/forecast?city=Paris → a deterministic forecast
 *   ANY  https://echo.example.test/…             → the request as JSON
 */
import type { SerializedRequest, SerializedResponse } from "../../runtime/types.js";

export const MOCK_API_HOSTS = [
  "api.example-mail.test",
  "api.example-payments.test",
  "api.example-weather.test",
  "echo.example.test",
] as const;

export interface RecordedRequest {
  at: number;
  method: string;
  url: string;
  headers: Array<[string, string]>;
  body: string;
  status: number;
}

export interface SentEmail {
  id: string;
  at: number;
  from: string | null;
  to: string | string[];
  subject: string;
  text: string | null;
  html: string | null;
}

const MAX_RECORDED = 1000;

export class MockExternalApi {
  private readonly recorded: RecordedRequest[] = [];
  private readonly emails: SentEmail[] = [];
  private counter = 0;

  handles(url: URL): boolean {
    return (MOCK_API_HOSTS as readonly string[]).includes(url.hostname);
  }

  requests(): RecordedRequest[] {
    return this.recorded.map((r) => ({ ...r }));
  }

  sentEmails(): SentEmail[] {
    return this.emails.map((e) => ({ ...e }));
  }

  clear(): void {
    this.recorded.length = 0;
    this.emails.length = 0;
  }

  async handle(req: SerializedRequest): Promise<SerializedResponse> {
    const url = new URL(req.url);
    const body = req.bodyBase64 === null ? "" : Buffer.from(req.bodyBase64, "base64").toString("utf8");
    const [status, payload] = this.route(url, req.method.toUpperCase(), body, req.headers);
    this.recorded.push({ at: Date.now(), method: req.method.toUpperCase(), url: req.url, headers: req.headers, body, status });
    if (this.recorded.length > MAX_RECORDED) this.recorded.shift();
    return {
      status,
      headers: [["content-type", "application/json"]],
      bodyBase64: Buffer.from(JSON.stringify(payload)).toString("base64"),
    };
  }

  private nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}_${this.counter.toString().padStart(6, "0")}`;
  }

  private route(url: URL, method: string, body: string, headers: Array<[string, string]>): [number, unknown] {
    const key = `${method} ${url.hostname}${url.pathname}`;
    switch (key) {
      case "POST api.example-mail.test/send":
        return this.sendEmail(body);
      case "GET api.example-mail.test/messages":
        return [200, { messages: this.sentEmails() }];
      case "POST api.example-payments.test/charges":
        return this.charge(body);
      case "GET api.example-weather.test/forecast":
        return forecast(url.searchParams.get("city"));
    }
    if (url.hostname === "echo.example.test") {
      return [200, { method, url: url.toString(), headers: Object.fromEntries(headers), body }];
    }
    return [404, { error: `No such endpoint: ${method} ${url.origin}${url.pathname}` }];
  }

  private sendEmail(body: string): [number, unknown] {
    const msg = parseJsonObject(body);
    if (!msg) return [400, { error: "Expected a JSON object body." }];
    const to = msg.to;
    const validTo = typeof to === "string" || (Array.isArray(to) && to.length > 0 && to.every((t) => typeof t === "string"));
    if (!validTo) return [422, { error: "`to` must be an email address or a non-empty list of them." }];
    if (typeof msg.subject !== "string") return [422, { error: "`subject` must be a string." }];
    const email: SentEmail = {
      id: this.nextId("email"),
      at: Date.now(),
      from: typeof msg.from === "string" ? msg.from : null,
      to: to as string | string[],
      subject: msg.subject,
      text: typeof msg.text === "string" ? msg.text : null,
      html: typeof msg.html === "string" ? msg.html : null,
    };
    this.emails.push(email);
    if (this.emails.length > MAX_RECORDED) this.emails.shift();
    return [200, { id: email.id, status: "queued" }];
  }

  private charge(body: string): [number, unknown] {
    const req = parseJsonObject(body);
    if (!req) return [400, { error: "Expected a JSON object body." }];
    if (!Number.isInteger(req.amount) || (req.amount as number) <= 0) {
      return [422, { error: "`amount` must be a positive integer number of cents." }];
    }
    if (typeof req.currency !== "string" || !/^[a-z]{3}$/i.test(req.currency)) {
      return [422, { error: "`currency` must be a three-letter currency code." }];
    }
    return [200, { id: this.nextId("ch"), status: "succeeded", amount: req.amount, currency: req.currency.toLowerCase() }];
  }
}

function forecast(city: string | null): [number, unknown] {
  if (!city) return [400, { error: "Missing `city` query parameter." }];
  let hash = 0;
  for (const ch of city.toLowerCase()) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const conditions = ["sunny", "cloudy", "rain", "windy", "snow"];
  return [200, { city, temperatureC: (hash % 35) - 5, conditions: conditions[hash % conditions.length] }];
}

function parseJsonObject(body: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(body);
    return typeof v === "object" && v !== null && !Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}
