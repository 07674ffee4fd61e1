import { Label, ProgressBar as AriaProgressBar } from 'react-aria-components';

export interface ProgressBarProps {
  label: string;
  /** 0…1 */
  fraction: number;
}

/** A labelled, determinate progress bar (long work: backups, restores, imports). */
export function ProgressBar({ label, fraction }: ProgressBarProps) {
  const value = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
  return (
    <AriaProgressBar className="progress" value={value}>
      {({ percentage }) => (
        <>
          <div className="progress__head">
            <Label className="progress__label">{label}</Label>
            <span className="progress__value">{Math.round(percentage ?? 0)}%</span>
          </div>
          <div className="progress__track">
            <div className="progress__fill" style={{ width: `${percentage ?? 0}%` }} />
          </div>
        </>
      )}
    </AriaProgressBar>
  );
}
