/** The locale the browser suite runs the app in (playwright.config.ts); dates are expected in it. */
export const testLocale = 'en-GB';
