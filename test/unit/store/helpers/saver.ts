/**
 * Child process for the crash test: loads an article's sidecar with the real Node file port and saves new
 * versions in a loop until it is killed. Prints "ready" after the first save.
 */
import { readFileSync } from 'node:fs';
import { nodeFilePort } from '../../../../src/cli/files';
import { SidecarStore, seededIds } from '../../../../src/core/store';

async function main(): Promise<void> {
  const article = process.argv[2];
  const text = readFileSync(article, 'utf8');
  const store = new SidecarStore(nodeFilePort, { ids: seededIds(7) });
  await store.load(article, text);
  for (let round = 0; ; round++) {
    for (const a of store.annotations.slice(0, 50)) store.upsert({ ...a, status: round % 2 ? 'rejected' : 'confirmed' });
    await store.save();
    if (round === 0) process.stdout.write('ready\n');
  }
}

main().catch((e: unknown) => {
  process.stderr.write(String(e) + '\n');
  process.exit(1);
});
