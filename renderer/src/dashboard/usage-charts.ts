// chart.js configurations for the dashboard's charts, built from a UsageReport.
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import type { UsageReport } from '../../../shared/usage-records';
import { formatCount, formatDuration, formatUsd } from '../format/metrics';
import { formatCompact } from './usage-format';
import { seriesColors, themeColors } from './ChartCanvas';

export const otherLabel = 'other';

function axes(stacked: boolean, formatValue: (value: number) => string, horizontal = false) {
  const colors = themeColors();
  const valueAxis = { stacked, ticks: { color: colors.muted, callback: (value: string | number) => formatValue(Number(value)) }, grid: { color: colors.grid } };
  const categoryAxis = { stacked, ticks: { color: colors.muted }, grid: { display: false } };
  return horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis };
}

function legend() {
  return { labels: { color: themeColors().text, boxWidth: 12 } };
}

export function spendByDayChart(report: UsageReport): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: report.days.map((day) => day.slice(5)),
      datasets: report.spendByDay.map((series, index) => ({
        label: series.model ?? otherLabel,
        data: series.knownCostUsd,
        backgroundColor: series.model === null ? seriesColors.at(-1) : seriesColors[index % (seriesColors.length - 1)],
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'nearest', intersect: true },
      scales: axes(true, formatUsd),
      plugins: {
        legend: legend(),
        tooltip: {
          callbacks: {
            title: (items: TooltipItem<'bar'>[]) => report.days[items[0]?.dataIndex ?? 0] ?? '',
            label: (item: TooltipItem<'bar'>) => {
              const series = report.spendByDay[item.datasetIndex];
              const unknown = series?.unknownCostCalls[item.dataIndex] ?? 0;
              return `${item.dataset.label}: ${formatUsd(item.parsed.y ?? 0)}${unknown > 0 ? ` + ${unknown} unknown` : ''}`;
            },
          },
        },
      },
    },
  };
}

export function spendByModelChart(report: UsageReport, limit = 12): ChartConfiguration<'bar'> {
  const models = report.byModel.slice(0, limit);
  return {
    type: 'bar',
    data: {
      labels: models.map((item) => item.model),
      datasets: [{ label: 'Spend', data: models.map((item) => item.knownCostUsd), backgroundColor: seriesColors[0] }],
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: axes(false, formatUsd, true),
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar'>) => {
              const model = models[item.dataIndex];
              return model ? `${formatUsd(model.knownCostUsd)}${model.unknownCostCalls > 0 ? ` + ${model.unknownCostCalls} unknown` : ''} · ${formatCount(model.calls)} calls` : '';
            },
          },
        },
      },
    },
  };
}

export function spendByConnectionChart(report: UsageReport): ChartConfiguration<'doughnut'> {
  return {
    type: 'doughnut',
    data: {
      labels: report.byConnection.map((item) => item.connectionLabel),
      datasets: [
        {
          data: report.byConnection.map((item) => item.knownCostUsd),
          backgroundColor: report.byConnection.map((_, index) => seriesColors[index % seriesColors.length]!),
          borderWidth: 0,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { ...legend(), position: 'right' },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'doughnut'>) => {
              const connection = report.byConnection[item.dataIndex];
              return connection ? `${connection.connectionLabel}: ${formatUsd(connection.knownCostUsd)}${connection.unknownCostCalls > 0 ? ` + ${connection.unknownCostCalls} unknown` : ''}` : '';
            },
          },
        },
      },
    },
  };
}

export function tokensByDayChart(report: UsageReport): ChartConfiguration<'bar'> {
  const tokens = report.tokensByDay;
  const uncachedInput = tokens.promptTokens.map((value, index) => value - (tokens.cachedTokens[index] ?? 0));
  const visibleOutput = tokens.completionTokens.map((value, index) => value - (tokens.reasoningTokens[index] ?? 0));
  const series = [
    { label: 'input', data: uncachedInput },
    { label: 'cached input', data: tokens.cachedTokens },
    { label: 'output', data: visibleOutput },
    { label: 'reasoning', data: tokens.reasoningTokens },
  ];
  return {
    type: 'bar',
    data: {
      labels: report.days.map((day) => day.slice(5)),
      datasets: series.map((entry, index) => ({ ...entry, backgroundColor: seriesColors[index] })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: axes(true, formatCompact),
      plugins: {
        legend: legend(),
        tooltip: {
          callbacks: {
            title: (items: TooltipItem<'bar'>[]) => report.days[items[0]?.dataIndex ?? 0] ?? '',
            label: (item: TooltipItem<'bar'>) => `${item.dataset.label}: ${formatCount(item.parsed.y ?? 0)}`,
          },
        },
      },
    },
  };
}

export function latencyChart(report: UsageReport): ChartConfiguration<'bar'> {
  const rows = report.latency;
  const series = [
    { label: 'TTFT p50', data: rows.map((row) => row.ttftP50Ms) },
    { label: 'TTFT p95', data: rows.map((row) => row.ttftP95Ms) },
    { label: 'total p50', data: rows.map((row) => row.totalP50Ms) },
    { label: 'total p95', data: rows.map((row) => row.totalP95Ms) },
  ];
  return {
    type: 'bar',
    data: {
      labels: rows.map((row) => row.model),
      datasets: series.map((entry, index) => ({ ...entry, backgroundColor: seriesColors[index] })),
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: axes(false, formatDuration, true),
      plugins: {
        legend: legend(),
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar'>) => `${item.dataset.label}: ${formatDuration(item.parsed.x)} (±2.5%)`,
          },
        },
      },
    },
  };
}
