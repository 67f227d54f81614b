import { usePaginatedQuery } from "convex/react";
import { api } from "../convex/_generated/api";

export default function App() {
  // Each loadMore adds one page; every loaded page stays live.
  const { results, status, loadMore } = usePaginatedQuery(
    api.messages.listAll,
    {},
    { initialNumItems: 5 },
  );
  return (
    <main>
      <ul>
        {results.map((message) => (
          <li key={message._id}>
            #{message.channel}: {message.body}
          </li>
        ))}
      </ul>
      {status === "CanLoadMore" && <button onClick={() => loadMore(5)}>Load 5 more</button>}
      {status === "LoadingMore" && <p>Loading…</p>}
      {status === "Exhausted" && <p>That is everything.</p>}
    </main>
  );
}
