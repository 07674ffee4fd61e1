/**
 * The public surface of People. Its screens (the people list, a person's page) are loaded by
 * app/App.tsx; no other feature needs anything from it yet. People data comes from
 * app/usePeople.ts, which every feature may use. Its commands join the palette from here.
 */
import { registerCommands } from '../../app/commands';
import { peopleCommands } from './commands';

registerCommands(peopleCommands);
