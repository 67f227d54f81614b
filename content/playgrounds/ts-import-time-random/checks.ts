import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "every new room gets its own invite code",
    async run(client) {
      const rooms: Array<{ roomId: string; inviteCode: string }> = [];
      for (const title of ["Book club", "Chess", "Running"]) rooms.push(await client.mutation("rooms:create", { title }));
      const codes = new Set(rooms.map((room) => room.inviteCode));
      if (codes.size !== rooms.length) {
        throw new Error(`Three rooms got the invite codes ${rooms.map((room) => room.inviteCode).join(", ")}: each room needs a code of its own.`);
      }
      for (const room of rooms) {
        const found = (await client.query("invites:byInviteCode", { inviteCode: room.inviteCode })) as Array<{ _id: string }>;
        if (found.length !== 1 || found[0]._id !== room.roomId) {
          throw new Error(`The invite code ${room.inviteCode} should lead to exactly one room, found ${found.length}.`);
        }
      }
    },
  },
]);
