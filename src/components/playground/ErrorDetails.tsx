/** An error as Convex reported it, with links to matching troubleshooting entries. */
import { useEffect, useState } from "react";
import type { Value } from "convex/values";
import { troubleshootingFor } from "../../lib/playground/runner/troubleshootingLinks";
import { formatValue } from "../../lib/playground/runner/formatValue";
import type { ErrorMatch } from "../../lib/troubleshooting/types";

export default function ErrorDetails({ message, errorData }: { message: string; errorData?: Value }) {
  const [matches, setMatches] = useState<ErrorMatch[]>([]);
  useEffect(() => {
    let live = true;
    setMatches([]);
    troubleshootingFor(message).then((found) => live && setMatches(found));
    return () => {
      live = false;
    };
  }, [message]);
  return (
    <div className="cp-error-details" role="alert">
      <pre className="cp-error" data-testid="run-error">{message}</pre>
      {errorData !== undefined && (
        <>
          <h3>ConvexError data</h3>
          <pre>{formatValue(errorData)}</pre>
        </>
      )}
      {matches.length > 0 && (
        <p className="cp-troubleshooting-links">
          Troubleshooting:{" "}
          {matches.map((match, i) => (
            <span key={match.slug}>
              {i > 0 && " · "}
              <a href={match.url} data-testid="troubleshooting-link">
                {match.title}
              </a>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
