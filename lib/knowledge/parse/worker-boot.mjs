// Worker thread entry. Plain JavaScript on purpose: it must load under `next start` (where server
// code is bundled and no TypeScript loader is active) as well as under `node --import tsx`. It
// registers tsx inside this thread, then imports the TypeScript worker module named by the parent.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
