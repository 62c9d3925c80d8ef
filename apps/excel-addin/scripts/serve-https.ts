// `npm run start:excel`: build, then serve over https://localhost:3000 with office-addin-dev-certs
// certificates, for sideloading into Excel. Never waits forever for a certificate install.
import type { ServerOptions } from 'node:https';
import { buildApp } from './build-app.js';
import { certificatesWithin, whatToDo } from './certificates.js';
import { createStaticServer, listen } from './static-server.js';

const port = Number(process.env.PORT ?? 3000);

let https: ServerOptions;
try {
  const devCerts = await import('office-addin-dev-certs');
  https = await certificatesWithin(() => devCerts.getHttpsServerOptions());
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : String(error)}\n${whatToDo}`);
  process.exit(1);
}
const dist = await buildApp();
await listen(createStaticServer(dist, https), port);
console.log(`
Mentor Matcher is running at https://localhost:${port}/ for Excel.

  Sideload it:
    - Excel on Windows or Mac:  npx office-addin-debugging start apps/excel-addin/manifest.json
    - Excel on the web:         Insert > Add-ins > Upload My Add-in, and choose apps/excel-addin/manifest.xml
  Then open it from Home > Match mentors.

Press Ctrl+C to stop.
`);
