/**
 * A horizontal bar for a ratio with a target mark, exposed as role="progressbar" in percent.
 * Colour is never the only signal: the caller writes the numbers and "met / not met" beside it.
 */
export function ProgressBar({ label, ratio, target, valueText, targetLabel, isMet }: {
  label: string;
  /** 0..1 */
  ratio: number;
  /** 0..1, marked on the bar. */
  target: number;
  valueText: string;
  targetLabel: string;
  isMet: boolean;
}) {
  const percent = Math.min(100, Math.max(0, Math.round(ratio * 1000) / 10));
  const targetPercent = Math.min(100, Math.max(0, target * 100));
  return (
    <div className="progress">
      <div
        className="progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={valueText}
      >
        <div className={isMet ? 'progress__fill progress__fill--met' : 'progress__fill'} style={{ width: `${percent}%` }} />
        <div className="progress__target" style={{ left: `${targetPercent}%` }} aria-hidden="true" />
      </div>
      <div className="progress__target-label" style={{ left: `${targetPercent}%` }} aria-hidden="true">{targetLabel}</div>
    </div>
  );
}
