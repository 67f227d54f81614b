import { useState } from "react";
import { useMutation, useQuery } from "convex/react";
import { api } from "../convex/_generated/api";

export default function App() {
  const todos = useQuery(api.todos.list); // undefined while loading, then always current
  const add = useMutation(api.todos.add);
  // An optimistic update shows the change before the server confirms it;
  // Convex rolls it back by itself if the mutation fails.
  const setDone = useMutation(api.todos.setDone).withOptimisticUpdate((localStore, args) => {
    const current = localStore.getQuery(api.todos.list, {});
    if (current === undefined) return;
    localStore.setQuery(
      api.todos.list,
      {},
      current.map((todo) => (todo._id === args.id ? { ...todo, done: args.done } : todo)),
    );
  });
  const [text, setText] = useState("");

  if (todos === undefined) return <p>Loading…</p>;
  return (
    <main>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim() !== "") void add({ text });
          setText("");
        }}
      >
        <input value={text} onChange={(event) => setText(event.target.value)} placeholder="New todo" />
        <button type="submit">Add</button>
      </form>
      <ul>
        {todos.map((todo) => (
          <li key={todo._id}>
            <label>
              <input type="checkbox" checked={todo.done} onChange={(e) => void setDone({ id: todo._id, done: e.target.checked })} />
              {todo.text}
            </label>
          </li>
        ))}
      </ul>
    </main>
  );
}
