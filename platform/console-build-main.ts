// The web console's rebuild for `npm start` (dist/console-build.js), a
// one-shot process: Vite's build takes a few hundred MiB, which a supervisor
// that ran it itself would hold for as long as the platform runs.
import { ensureConsoleBuilt } from '../console/build';

if (await ensureConsoleBuilt()) console.log('[start] console: rebuilt (its sources changed)');
