/**
 * The public surface of Growth (assessments now; gaps and goals next): what other features may
 * use. Its screens are loaded by app/App.tsx; everything else here is private to the feature.
 */
export {};
