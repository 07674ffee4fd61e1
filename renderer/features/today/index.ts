/** The public surface of Today: nothing yet. Its screen is loaded by app/App.tsx. */
export {};
