/** The public surface of Calibration: nothing yet. Its screen is loaded by app/App.tsx. */
export {};
