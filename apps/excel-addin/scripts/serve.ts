// `npm start`: build, then serve the app on http://localhost:3000 and say how to use it.
import { buildApp } from './build-app.js';
import { createStaticServer, listen } from './static-server.js';

const port = Number(process.env.PORT ?? 3000);
const dist = await buildApp();
await listen(createStaticServer(dist), port);
console.log(`
Mentor Matcher is running at http://localhost:${port}/

  Standalone page: open http://localhost:${port}/ in a browser, load mentors.csv and mentees.csv
  (or press "Try with sample data"). Everything runs in the browser; no data leaves the machine.

  In Excel: add-ins must be served over https. Run \`npm run start:excel\` instead, then sideload:
    - Excel on Windows or Mac:  npx office-addin-debugging start apps/excel-addin/manifest.json
    - Excel on the web:         Insert > Add-ins > Upload My Add-in, and choose apps/excel-addin/manifest.xml

Press Ctrl+C to stop.
`);
