/** The public surface of Settings: nothing yet. Its screen is loaded by app/App.tsx. */
export {};
