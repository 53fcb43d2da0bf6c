// The JavaScript a route needs before it can show anything, gzipped, against the budget of
// issue 12 (150 KB for the sign-in and home routes). Reads the manifest of a production build
// (web/dist/.vite/manifest.json): a route's first load is the entry chunk, the chunks the router
// loads for it (its layout and page modules) and every chunk those import statically;
// dynamically imported chunks (the charts, say) load later and are not counted.
//
// Usage: node bench/web/bundle-size.mjs   (after `npm run build` in web/)
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = new URL('../../web/dist/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
const BUDGET_KB = 150;

// Route -> the source modules the router loads for it (web/src/app/routes.tsx).
const ROUTES = {
  'sign-in': ['src/pages/SignInPage.tsx'],
  'home (team leader)': ['src/app/AppLayout.tsx', 'src/pages/HomePage.tsx', 'src/pages/TeamLeaderHomePage.tsx'],
  'home (manager)': ['src/app/AppLayout.tsx', 'src/pages/HomePage.tsx', 'src/pages/ManagerHomePage.tsx'],
  'home (agent)': ['src/app/AppLayout.tsx', 'src/pages/HomePage.tsx', 'src/pages/AgentHomePage.tsx'],
  'home (admin)': ['src/app/AppLayout.tsx', 'src/pages/HomePage.tsx', 'src/pages/AdminHomePage.tsx'],
  'agent page': ['src/app/AppLayout.tsx', 'src/pages/AgentPage.tsx'],
};

function closure(keys, seen = new Set()) {
  for (const key of keys) {
    if (seen.has(key)) continue;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build's manifest`);
    seen.add(key);
    closure(chunk.imports ?? [], seen);
  }
  return seen;
}

const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
let over = false;
console.log(`route                  files  JS gzipped  budget ${BUDGET_KB} KB`);
for (const [route, modules] of Object.entries(ROUTES)) {
  const keys = closure([entry, ...modules]);
  const js = [...keys].map((k) => manifest[k].file).filter((f) => f.endsWith('.js'));
  const kb = js.reduce((sum, f) => sum + gz(f), 0) / 1024;
  const ratio = kb / BUDGET_KB;
  if (ratio > 1) over = true;
  console.log(
    `${route.padEnd(22)} ${String(js.length).padStart(5)}  ${kb.toFixed(1).padStart(7)} KB  ${ratio.toFixed(2)} of budget`,
  );
}
process.exit(over ? 1 : 0);
