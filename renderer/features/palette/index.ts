/**
 * The public surface of the command palette: nothing. app/CommandLayer.tsx loads the palette and
 * the shortcut overlay lazily; features add commands through app/commands.ts from their index.ts.
 */
export {};
