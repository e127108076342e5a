/**
 * A small line chart of an indicator over its period (uPlot, about 20 KB gzipped, loaded only
 * when a progress screen draws its first chart, never in the app shell). The chart is a picture
 * for sighted readers; its words (first and latest value, target) are the accessible name, so a
 * screen reader or a phone that cannot draw loses nothing.
 */
import { useEffect, useRef } from 'react';
import type { Series } from '../progress-series.ts';

const HEIGHT = 120;

function secondsOf(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 1000;
}

export function IndicatorChart({ series, target, label }: { series: Series; target: number | null; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = `${series.days.join(',')}|${series.values.join(',')}|${target}`;
  useEffect(() => {
    const host = ref.current;
    if (!host || series.days.length < 2) return undefined;
    let chart: { destroy: () => void } | null = null;
    let isCancelled = false;
    void Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([{ default: UPlot }]) => {
      if (isCancelled) return;
      const xs = series.days.map(secondsOf);
      const targets = xs.map(() => target);
      chart = new UPlot({
        width: Math.max(240, host.clientWidth || 320),
        height: HEIGHT,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: true } },
        axes: [{ size: 28 }, { size: 40 }],
        series: [{}, { stroke: '#1d5f2f', width: 2 }, { stroke: '#a12020', dash: [6, 4], width: 1 }],
      }, [xs, series.values, targets], host);
    }).catch(() => undefined);
    return () => {
      isCancelled = true;
      chart?.destroy();
    };
    // The key stands for the series and target: a new array of the same values draws nothing new.
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps
  return <div ref={ref} className="indicator-chart" role="img" aria-label={label} />;
}
