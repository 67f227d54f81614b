/** An error answered as `{code, message}` JSON with an HTTP status, as the real backend does. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "HttpError";
  }
}
