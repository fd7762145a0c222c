// `npm run web [-- --port N --demo --data-dir DIR]`: the engine, the store and the built renderer
// on http://127.0.0.1, for a browser instead of the Electron window.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openNodeRuntime, type NodeRuntime } from './node-runtime';
import { startWebHost, type WebHost } from './web-host';

const DEFAULT_PORT = 5178;
const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));

const usage = `Usage: npm run web -- [--port N] [--demo] [--data-dir DIR] [--static-dir DIR]
  --port N          port on 127.0.0.1 (default ${DEFAULT_PORT}, or a free one if that is busy; 0 = any free port)
  --demo            add the demo connection (simulated models, no cost) if there is none
  --data-dir DIR    where the database and keys live (default $JUXTA_HOME, else $XDG_CONFIG_HOME/juxta, else ~/.config/juxta)
  --static-dir DIR  the built renderer to serve (default out/renderer)`;

function fail(message: string, exitCode = 2): never {
  console.error(`juxta web: ${message}`);
  process.exit(exitCode);
}

function parseFlags() {
  try {
    const { values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        port: { type: 'string' },
        demo: { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        'static-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      console.log(usage);
      process.exit(0);
    }
    let port: number | undefined;
    if (values.port !== undefined) {
      port = Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port expects a whole number from 0 to 65535, got "${values.port}".`);
    }
    return { port, demo: values.demo, dataDir: values['data-dir'], staticDir: resolve(values['static-dir'] ?? DEFAULT_STATIC_DIR) };
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
}

async function listen(runtime: NodeRuntime, staticDir: string, requestedPort: number | undefined): Promise<WebHost> {
  const options = { engine: runtime.engine, staticDir };
  try {
    return await startWebHost({ ...options, port: requestedPort ?? DEFAULT_PORT });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    if (requestedPort !== undefined) throw new Error(`--port ${requestedPort} is already in use; pick another or leave --port out.`);
    console.error(`Port ${DEFAULT_PORT} is busy; using a free port instead.`);
    return startWebHost({ ...options, port: 0 });
  }
}

async function main(): Promise<void> {
  const flags = parseFlags();
  if (!existsSync(join(flags.staticDir, 'index.html'))) {
    fail(`the app is not built (${join(flags.staticDir, 'index.html')} is missing): run npm run build:renderer, or start with npm run web.`, 1);
  }
  // The demo is always on offer (a first start suggests it); it starts only when a demo model is called.
  const runtime = await openNodeRuntime({ dataDir: flags.dataDir, demo: true, host: 'web' });
  let host: WebHost | undefined;
  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) {
      console.error(`\nJuxta: ${signal} again, exiting now.`);
      process.exit(1);
    }
    shuttingDown = true;
    console.error(`\nJuxta: stopping (${signal})...`);
    try {
      await host?.close();
      await runtime.close();
      process.exit(0);
    } catch (error) {
      console.error(`Juxta: shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    if (flags.demo) {
      const existed = (await runtime.engine.listConnections({})).some((connection) => connection.kind === 'demo');
      const demo = await runtime.engine.addDemoConnection({});
      console.log(`Demo connection: simulated models, no cost (${existed ? 'already there' : 'added'} as "${demo.label}").`);
    }
    host = await listen(runtime, flags.staticDir, flags.port);
  } catch (error) {
    await runtime.close();
    throw error;
  }
  console.log(`Juxta is running at ${host.url}`);
  console.log(`Data: ${runtime.dataDir}. Press Ctrl+C to stop.`);
}

main().catch((error: unknown) => {
  console.error(`juxta web: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
