import { startDemoServer } from './server';

// `npm start`: the demo storefront with the widget, the reference API and an embedded database.
const port = process.env.PORT === undefined || process.env.PORT === '' ? 8787 : Number(process.env.PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got "${process.env.PORT}".`);
  process.exit(1);
}

const started = Date.now();
const demo = await startDemoServer({
  port,
  ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
}).catch((error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  console.error(
    code === 'EADDRINUSE'
      ? `Port ${port} is already in use: stop what runs there, or pick another one, e.g. PORT=8788 npm start.`
      : `The demo could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
console.log(`Sadakat demo: ${demo.url}  (ready in ${Date.now() - started} ms; Ctrl+C stops it)`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping…');
    demo.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
