/** The public surface of Ladders: nothing yet. Its screen is loaded by app/App.tsx. */
export {};
