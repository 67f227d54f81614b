import { useState } from "react";
import { useMutation, useQuery } from "convex/react";
import { api } from "../convex/_generated/api";

export default function App() {
  // useQuery subscribes: this component re-renders whenever the result changes,
  // no matter which client (or which runner click) made the change.
  const messages = useQuery(api.messages.list);
  const send = useMutation(api.messages.send);
  const [body, setBody] = useState("");

  return (
    <main>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (body.trim() === "") return;
          void send({ author: "me", body });
          setBody("");
        }}
      >
        <input value={body} onChange={(event) => setBody(event.target.value)} placeholder="Say something" />
        <button type="submit">Send</button>
      </form>
      {messages === undefined ? (
        <p>Loading…</p>
      ) : (
        <ul>
          {messages.map((message) => (
            <li key={message._id}>
              <strong>{message.author}:</strong> {message.body}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
