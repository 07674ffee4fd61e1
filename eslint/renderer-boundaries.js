// @ts-check
/**
 * The renderer's layers and feature boundaries, as an ESLint rule (see ARCHITECTURE.md):
 * - a feature uses another feature only through its index (`../people`, never `../people/PersonDialog`);
 * - app/ and main.tsx import features through their index too; only a lazy `import()` of a
 *   screen (code splitting in app/App.tsx) may name a feature's file;
 * - ui/ (the design system) imports nothing from app/, db/ or features/;
 * - db/ (Dexie schema and repositories) imports nothing from app/, ui/ or features/;
 * - app/ipc.ts is app's own: everyone else reaches main through the hooks of app/useMain.ts.
 * Import paths are resolved against the importing file, so `../../features/x/y` and `../x/y`
 * are judged by where they land, not by how they are spelled.
 */
import path from 'node:path';

const rendererRoot = path.resolve(import.meta.dirname, '..', 'renderer');
const layers = new Set(['app', 'ui', 'db', 'features']);

/** @param {string} file */
function placeOf(file) {
  const rel = path.relative(rendererRoot, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  const layer = parts.length > 1 && layers.has(parts[0] ?? '') ? /** @type {string} */ (parts[0]) : 'root';
  if (layer !== 'features') return { layer, feature: null, rest: parts.slice(1).join('/') };
  return {
    layer,
    feature: parts[1] ?? '',
    rest: parts
      .slice(2)
      .join('/')
      .replace(/\.(tsx?|jsx?)$/, ''),
  };
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep the renderer layers and feature boundaries of ARCHITECTURE.md' },
    schema: [],
    messages: {
      featureInternals:
        "{{from}} may use the {{feature}} feature only through its index: import from '{{index}}' (add what you need to features/{{feature}}/index.ts).",
      uiLayer: 'ui/ is the design system: it imports nothing from app/, db/ or features/ (pass data and callbacks in as props).',
      dbLayer: 'db/ is the data layer: it imports nothing from app/, ui/ or features/.',
      ipcInternals: "app/ipc.ts is the app's own bridge to main: use the hooks of app/useMain.ts (useMainQuery, useMainAction, useMainEvent).",
    },
  },
  create(context) {
    const here = placeOf(context.filename);
    if (!here) return {};
    /** @param {import('estree').Node} node @param {unknown} source @param {boolean} dynamic */
    const check = (node, source, dynamic) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = placeOf(path.resolve(path.dirname(context.filename), source));
      if (!target) return;
      if (here.layer === 'ui' && ['app', 'db', 'features'].includes(target.layer)) return context.report({ node, messageId: 'uiLayer' });
      if (here.layer === 'db' && ['app', 'ui', 'features'].includes(target.layer)) return context.report({ node, messageId: 'dbLayer' });
      if (target.layer === 'app' && target.rest.replace(/\.tsx?$/, '') === 'ipc' && here.layer !== 'app')
        return context.report({ node, messageId: 'ipcInternals' });
      if (target.layer !== 'features' || !target.feature) return;
      if (here.layer === 'features' && here.feature === target.feature) return;
      if (target.rest === '' || target.rest === 'index') return;
      // Lazy screens: the shell may load a feature's page module on its own, for code splitting.
      if (dynamic && (here.layer === 'app' || here.layer === 'root')) return;
      const relIndex = path
        .relative(path.dirname(context.filename), path.join(rendererRoot, 'features', target.feature))
        .split(path.sep)
        .join('/');
      context.report({
        node,
        messageId: 'featureInternals',
        data: {
          from: here.layer === 'features' ? `features/${here.feature}` : `${here.layer}/`,
          feature: target.feature,
          index: relIndex.startsWith('.') ? relIndex : `./${relIndex}`,
        },
      });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value, false),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, false),
      ExportAllDeclaration: (node) => check(node, node.source.value, false),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value, true),
    };
  },
};

export default { rules: { 'renderer-boundaries': rule } };
