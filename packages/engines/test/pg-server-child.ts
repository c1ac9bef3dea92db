/** A test process that starts a server and then waits to be killed (pg-server.test.ts). */
import { startPostgres } from "./pg-server.js";

void startPostgres().then((s) => {
  process.stdout.write(`${JSON.stringify({ port: s.port, dir: s.dir })}\n`);
  setInterval(() => undefined, 1000);
});
