// 开工 / 竣工 progress: two rings with the rate in the centre.
import { percent, type WallChartOption } from './option.js';
import { COLORS, FONT_SIZE } from './theme.js';

export interface ProgressFigures {
  /** 开工率 and 竣工率 as ratios (0..1). */
  startRate: number;
  completionRate: number;
}

export const PROGRESS_RINGS = { start: '开工率', completion: '竣工率' } as const;

function ring(name: string, value: number, centerX: string, color: string) {
  return {
    name,
    type: 'gauge' as const,
    center: [centerX, '50%'],
    radius: '86%',
    startAngle: 90,
    endAngle: -270,
    min: 0,
    max: 100,
    pointer: { show: false },
    progress: { show: true, roundCap: true, width: 16, itemStyle: { color } },
    axisLine: { lineStyle: { width: 16, color: [[1, 'rgba(90, 140, 210, 0.18)']] as [number, string][] } },
    axisTick: { show: false },
    splitLine: { show: false },
    axisLabel: { show: false },
    title: { show: true, offsetCenter: [0, '32%'], color: COLORS.textDim, fontSize: FONT_SIZE.label },
    detail: {
      offsetCenter: [0, '-8%'],
      color,
      fontSize: FONT_SIZE.headline,
      fontWeight: 'bold' as const,
      formatter: '{value}%',
    },
    // The ring fills to at most 100%; the centre shows the true rate.
    data: [{ name, value: percent(value) }],
    animationDuration: 1200,
  };
}

export function progressOption(f: ProgressFigures): WallChartOption {
  const rings = [
    ring(PROGRESS_RINGS.start, f.startRate, '25%', COLORS.accent),
    ring(PROGRESS_RINGS.completion, f.completionRate, '75%', COLORS.teal),
  ];
  return { series: rings };
}
