/** The page shown for sections that are not built yet, and for unknown addresses. */
export { PlaceholderPage } from './PlaceholderPage';
