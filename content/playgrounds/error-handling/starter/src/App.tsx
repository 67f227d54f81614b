import { useState } from "react";
import { useMutation } from "convex/react";
import { ConvexError } from "convex/values";
import { api } from "../convex/_generated/api";

export default function App() {
  const buy = useMutation(api.tickets.buy);
  const [message, setMessage] = useState("");

  async function onBuy() {
    try {
      await buy({ event: "concert", quantity: 3 });
      setMessage("Enjoy the show!");
    } catch (error) {
      // ConvexError data arrives intact; other errors only carry a message.
      const data = error instanceof ConvexError ? (error.data as { code: string; seatsLeft?: number }) : null;
      if (data?.code === "SOLD_OUT") {
        setMessage(`Only ${data.seatsLeft} seats left.`);
      } else {
        setMessage("Something went wrong. Please try again.");
      }
    }
  }

  return (
    <main>
      <button onClick={() => void onBuy()}>Buy 3 tickets</button>
      <p>{message}</p>
    </main>
  );
}
