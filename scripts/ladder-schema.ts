/** npm run ladders:schema — regenerates ladders/ladder.schema.json from the zod schemas. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ladderJsonSchemaText } from '../shared/ladder/json-schema';

const target = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'ladders', 'ladder.schema.json');
writeFileSync(target, ladderJsonSchemaText());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
