// CLI: npx tsx test/simulator/main.ts [--port 8787] [--demo] [--key sk-...]
import { parseArgs } from 'node:util';
import { demoModels, startSimulator } from './index';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    demo: { type: 'boolean', default: false },
    key: { type: 'string', multiple: true },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be an integer from 0 to 65535, got "${values.port}"`);
  process.exit(2);
}

const simulator = await startSimulator({
  port,
  ...(values.demo ? { models: demoModels(), label: 'Juxta demo (simulated)' } : {}),
  ...(values.key ? { apiKeys: values.key } : {}),
});
console.log(simulator.baseUrl);
console.error(`provider simulator${values.demo ? ' (demo models)' : ''} listening; Ctrl+C to stop`);

const shutdown = (): void => {
  void simulator.close().then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
