#!/usr/bin/env node
// Mutation score per package from PIT's target/pit-reports/mutations.xml, checked against the floors below.
// Score = killed (or timed out) / all mutants, uncovered ones included: PIT's own "mutation score".
// Usage: node .ci/mutation-floors.js [path/to/mutations.xml]
'use strict';
const fs = require('fs');

// Floors in per cent. The target for intake, mail, cases and each procedure's service is 75 % (issue 7);
// a floor below it is where the package stands today and may only go up. Each floor sits a few points under the
// measured score (2026-12-06, after the hand-off: cases 99, handoff 95, intake 91, mail 92, masterdata 97, shared 92,
// returns 85, warranty 99, spareparts 100 %), since a busy CI machine turns some kills into timeouts or run errors.
const FLOORS = {
  'io.aftersales.intake': 85,
  'io.aftersales.cases': 95,
  'io.aftersales.handoff': 90,
  'io.aftersales.mail': 88,
  'io.aftersales.masterdata': 93,
  'io.aftersales.shared': 87,
  'io.aftersales.returns': 80,
  'io.aftersales.warranty': 94,
  'io.aftersales.spareparts': 95,
};

const file = process.argv[2] || 'target/pit-reports/mutations.xml';
const xml = fs.readFileSync(file, 'utf8');
const stats = {};
for (const m of xml.matchAll(/<mutation\b[^>]*\bstatus='([A-Z_]+)'[^>]*>([\s\S]*?)<\/mutation>/g)) {
  const cls = /<mutatedClass>([^<]+)<\/mutatedClass>/.exec(m[2])[1];
  const pkg = cls.substring(0, cls.lastIndexOf('.'));
  const s = stats[pkg] || (stats[pkg] = { killed: 0, survived: 0, noCoverage: 0, other: 0 });
  if (m[1] === 'KILLED' || m[1] === 'TIMED_OUT' || m[1] === 'MEMORY_ERROR') s.killed++;
  else if (m[1] === 'SURVIVED') s.survived++;
  else if (m[1] === 'NO_COVERAGE') s.noCoverage++;
  else s.other++;
}
let failed = false;
console.log('package'.padEnd(28) + 'mutants  killed  survived  no-cover  score  floor');
for (const pkg of Object.keys(stats).sort()) {
  const s = stats[pkg];
  const total = s.killed + s.survived + s.noCoverage + s.other;
  const score = total === 0 ? 100 : Math.floor((100 * s.killed) / total);
  const floor = FLOORS[pkg];
  const verdict = floor === undefined ? '' : score < floor ? '  BELOW FLOOR' : '';
  if (verdict) failed = true;
  console.log(pkg.padEnd(28) + String(total).padStart(7) + String(s.killed).padStart(8) + String(s.survived).padStart(10)
    + String(s.noCoverage).padStart(10) + (score + ' %').padStart(7) + (floor === undefined ? '-' : floor + ' %').padStart(7)
    + verdict);
}
for (const pkg of Object.keys(FLOORS)) {
  if (!stats[pkg]) { console.log(pkg + ': no mutants found (was it targeted?)'); failed = true; }
}
process.exit(failed ? 1 : 0);
