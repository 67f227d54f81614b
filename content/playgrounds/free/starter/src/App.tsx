import { useState } from "react";
import { useMutation, useQuery } from "convex/react";
import { api } from "../convex/_generated/api";

export default function App() {
  const tasks = useQuery(api.tasks.list);
  const remaining = useQuery(api.tasks.remaining);
  const add = useMutation(api.tasks.add);
  const toggle = useMutation(api.tasks.toggle);
  const [text, setText] = useState("");

  return (
    <main>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim() === "") return;
          void add({ text });
          setText("");
        }}
      >
        <input value={text} onChange={(event) => setText(event.target.value)} placeholder="New task" />
        <button type="submit">Add</button>
      </form>
      <p>{remaining === undefined ? "…" : `${remaining} left to do`}</p>
      <ul>
        {(tasks ?? []).map((task) => (
          <li key={task._id}>
            <label>
              <input type="checkbox" checked={task.done} onChange={() => void toggle({ id: task._id })} /> {task.text}
            </label>
          </li>
        ))}
      </ul>
    </main>
  );
}
