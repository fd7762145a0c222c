// One chart.js chart on a canvas. Only the parts used are registered (tree-shaken, no CDN); chart.js
// draws on the canvas and sets only element styles, so it runs under the app's CSP.
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
  type ChartType,
} from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Tooltip, Legend);

export const seriesColors = ['#4d9bff', '#f2b84b', '#3fb950', '#c58af9', '#ff6b6b', '#39c5cf', '#ff9f43', '#a3be8c', '#8a94a3'];

/** Theme colours read from the CSS variables, since a canvas cannot use them directly. */
export function themeColors(): { text: string; muted: string; grid: string } {
  const style = getComputedStyle(document.documentElement);
  return {
    text: style.getPropertyValue('--text').trim() || '#d8dde4',
    muted: style.getPropertyValue('--muted').trim() || '#8a94a3',
    grid: style.getPropertyValue('--border').trim() || '#272d36',
  };
}

interface ChartCanvasProps<Type extends ChartType> {
  config: ChartConfiguration<Type>;
  label: string;
  testId?: string;
  /** Called with the index of the clicked data point and its dataset. */
  onSelect?: (index: number, datasetIndex: number) => void;
}

export function ChartCanvas<Type extends ChartType>({ config, label, testId, onSelect }: ChartCanvasProps<Type>) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const selectRef = useRef(onSelect);
  useEffect(() => {
    selectRef.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const chart = new Chart(canvas, {
      ...config,
      options: {
        ...config.options,
        onClick: (_event, elements) => {
          const [element] = elements;
          if (element) selectRef.current?.(element.index, element.datasetIndex);
        },
        onHover: (event, elements) => {
          const target = event.native?.target;
          if (target instanceof HTMLElement) target.style.cursor = elements.length > 0 && selectRef.current ? 'pointer' : 'default';
        },
      },
    } as ChartConfiguration<Type>);
    return () => chart.destroy();
  }, [config]);

  return (
    <div className="dashboard-chart" data-testid={testId}>
      <canvas ref={canvasRef} role="img" aria-label={label} />
    </div>
  );
}
