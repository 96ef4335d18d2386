import { execFileSync } from 'node:child_process';

/** The CLI tier runs the built command as a user would, so build it fresh first. */
export default function buildCli(): void {
  execFileSync(process.execPath, ['scripts/build-node.mjs'], { stdio: 'inherit' });
}
