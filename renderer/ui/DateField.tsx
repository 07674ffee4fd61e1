import { type CalendarDate, parseDate } from '@internationalized/date';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  Group,
  Heading,
  I18nProvider,
  Popover,
} from 'react-aria-components';

import { isValidIsoDate } from '../../shared/domain/dates';
import { cx } from './cx';
import { appLocale } from './dates';
import { FieldFrame, type FieldFrameProps } from './Field';

export interface DateFieldProps extends FieldFrameProps {
  /** 'YYYY-MM-DD', or '' for no date. */
  value: string;
  onChange: (value: string) => void;
  isRequired?: boolean;
  autoFocus?: boolean;
  name?: string;
  className?: string;
}

const toCalendarDate = (iso: string): CalendarDate | null => (isValidIsoDate(iso) ? parseDate(iso) : null);

/**
 * A calendar date typed or picked, in the same locale as every date Trellis displays: its
 * segments are ordered and written for ui/dates.ts's appLocale(). Values stay ISO strings.
 */
export function DateField({ label, hideLabel, description, error, value, onChange, isRequired, autoFocus, name, className }: DateFieldProps) {
  return (
    <I18nProvider locale={appLocale()}>
      <DatePicker
        className={cx('field', className)}
        value={toCalendarDate(value)}
        onChange={(date) => onChange(date ? date.toString() : '')}
        isInvalid={Boolean(error)}
        isRequired={isRequired}
        autoFocus={autoFocus}
        name={name}
        granularity="day"
      >
        <FieldFrame label={label} hideLabel={hideLabel} description={description} error={error}>
          <Group className="input date-input">
            <DateInput className="date-input__segments">{(segment) => <DateSegment segment={segment} className="date-segment" />}</DateInput>
            <Button className="date-input__button" aria-label="Choose from a calendar">
              <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <rect x="1.5" y="3" width="13" height="11.5" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
                <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" strokeWidth="1.4" />
              </svg>
            </Button>
          </Group>
        </FieldFrame>
        <Popover className="popover calendar-popover">
          <Dialog className="calendar-dialog">
            <Calendar className="calendar">
              <header className="calendar__header">
                <Button slot="previous" className="calendar__nav" aria-label="Previous month">
                  ‹
                </Button>
                <Heading className="calendar__title" />
                <Button slot="next" className="calendar__nav" aria-label="Next month">
                  ›
                </Button>
              </header>
              <CalendarGrid className="calendar__grid">{(date) => <CalendarCell date={date} className="calendar__cell" />}</CalendarGrid>
            </Calendar>
          </Dialog>
        </Popover>
      </DatePicker>
    </I18nProvider>
  );
}
