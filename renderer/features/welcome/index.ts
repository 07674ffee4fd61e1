/** The first-run welcome. Its screen is loaded by app/App.tsx; nothing else is public yet. */
export {};
