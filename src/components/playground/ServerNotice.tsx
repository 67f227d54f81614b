/** What the run panel says about the sandbox server: pushing, push errors, or nothing to talk to. */
import type { ServerStatus } from "./useSandbox";

export default function ServerNotice({ status, message, serverUrl }: { status: ServerStatus; message: string | null; serverUrl: string }) {
  if (status === "pushing") return <p className="cp-status" role="status">Pushing your files…</p>;
  if (status === "unreachable")
    return (
      <div className="cp-notice" role="alert" data-testid="server-unreachable">
        <p className="cp-error">No sandbox server is answering at {serverUrl}.</p>
        <p>
          The editor works without one, but to run functions start the site together with its sandbox: run <code>npm start</code> in the project folder
          (or <code>npm run sandbox</code> beside <code>npm run dev</code>), then press Run again.
        </p>
      </div>
    );
  if (status === "push-failed")
    return (
      <div role="alert" data-testid="push-errors">
        <p className="cp-error">The push failed; the errors are marked in the editor:</p>
        <pre className="cp-error">{message}</pre>
      </div>
    );
  if (status === "error") return <p className="cp-error" role="alert">{message}</p>;
  return null;
}
