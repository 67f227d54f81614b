const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** Six characters that are hard to misread (no 0/O, no 1/I). */
export function newInviteCode(): string {
  let code = "";
  for (let i = 0; i < 6; i++) code += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  return code;
}
