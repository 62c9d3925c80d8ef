// zod compiles fast object parsers with `new Function` when it may; under the pages' policy (no
// 'unsafe-eval') its probe for that is refused and reported as a policy violation each time a page or
// worker starts. Telling zod up front to parse without compiling keeps the reports for real problems.
import { z } from 'zod';

z.config({ jitless: true });
