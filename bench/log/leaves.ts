/** The benchmark's deterministic log entries: leaf i is the canonical record appendRecord(tx, "bench", { i }) stores. */
const enc = new TextEncoder();
export const leafRecord = (i: number) => `{"i":${i},"type":"bench"}`;
export const leafData = (i: number) => enc.encode(leafRecord(i));
