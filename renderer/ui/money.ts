import { minorDigits } from '../../shared/domain/stretch';
import { appLocale } from './dates';

/** An amount in minor units (cents) of `currency`, as the user's locale writes money ("€1,200.50", "1.200,50 €"). */
export function formatMoney(minor: number, currency: string, locale: string = appLocale()): string {
  const digits = minorDigits(currency);
  // Whole amounts without ",00"; anything else with every cent.
  const shown = minor % 10 ** digits === 0 ? 0 : digits;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: shown, maximumFractionDigits: shown }).format(
      minor / 10 ** digits,
    );
  } catch {
    // A code Intl does not know: the number in the locale's way, then the code.
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(minor / 10 ** digits)} ${currency}`;
  }
}
