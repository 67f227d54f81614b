import { useRef, useState } from "react";
import { useMutation, useQuery } from "convex/react";
import { api } from "../convex/_generated/api";

export default function App() {
  const files = useQuery(api.files.list);
  const generateUploadUrl = useMutation(api.files.generateUploadUrl);
  const save = useMutation(api.files.save);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  async function upload(file: File) {
    setBusy(true);
    try {
      const url = await generateUploadUrl();                       // 1. get an upload URL
      const response = await fetch(url, {                           // 2. POST the bytes
        method: "POST",
        headers: { "Content-Type": file.type || "application/octet-stream" },
        body: file,
      });
      const { storageId } = await response.json();
      await save({ name: file.name, storageId });                   // 3. record the file
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  }

  return (
    <main>
      <input ref={input} type="file" disabled={busy} onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])} />
      <ul>
        {files?.map((file) => (
          <li key={file.url ?? file.name}>
            {file.url ? <a href={file.url}>{file.name}</a> : file.name} ({file.size ?? "?"} bytes, {file.contentType ?? "unknown type"})
          </li>
        ))}
      </ul>
    </main>
  );
}
