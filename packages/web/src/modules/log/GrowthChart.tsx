import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";

export interface GrowthPoint {
  size: number;
  createdAt: string;
}

const W = 640;
const H = 220;
const PAD = { left: 64, right: 16, top: 12, bottom: 32 };

/** The smallest "round" number (1, 2 or 5 times a power of ten) not below n. */
function niceCeiling(n: number): number {
  if (n <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 5, 10]) if (m * power >= n) return m * power;
  return 10 * power;
}

/**
 * The log's size at each signed checkpoint, as a step line in plain SVG: the
 * size holds between checkpoints and jumps when one is signed. The chart is
 * summarized in words in its caption; the checkpoints table has the data.
 */
export function GrowthChart({ points }: { points: readonly GrowthPoint[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const sorted = [...points]
    .map((p) => ({ ...p, at: new Date(p.createdAt).getTime() }))
    .filter((p) => !Number.isNaN(p.at))
    .sort((a, b) => a.at - b.at || a.size - b.size);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return <Text c="dimmed">{t("log.growth.empty")}</Text>;

  const maxSize = niceCeiling(last.size);
  const span = last.at - first.at;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (at: number) => PAD.left + (span === 0 ? plotW / 2 : ((at - first.at) / span) * plotW);
  const y = (size: number) => PAD.top + plotH - (size / maxSize) * plotH;
  let path = `M ${x(first.at)} ${y(first.size)}`;
  for (const p of sorted.slice(1)) path += ` H ${x(p.at)} V ${y(p.size)}`;
  const ticks = [0, maxSize / 2, maxSize].filter((v) => Number.isInteger(v));
  // Within two days, the day alone would label both ends alike: show the time too.
  const axisLabel = span < 2 * 86_400_000 ? f.dateTime : f.date;
  const summary = t("log.growth.summary", {
    first: f.number(first.size),
    from: f.dateTime(first.createdAt),
    last: f.number(last.size),
    to: f.dateTime(last.createdAt),
    count: f.number(sorted.length),
  });

  return (
    <figure style={{ margin: 0 }} data-testid="growth-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        aria-hidden="true"
        direction="ltr"
        style={{ maxWidth: W, display: "block", fontSize: 12 }}
      >
        {ticks.map((v) => (
          <g key={v}>
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(v)}
              y2={y(v)}
              stroke="var(--mantine-color-gray-3)"
              strokeDasharray={v === 0 ? undefined : "4 4"}
            />
            <text
              x={PAD.left - 8}
              y={y(v)}
              textAnchor="end"
              dominantBaseline="middle"
              fill="var(--mantine-color-dimmed)"
            >
              {f.number(v)}
            </text>
          </g>
        ))}
        <text x={PAD.left} y={H - 8} textAnchor="start" fill="var(--mantine-color-dimmed)">
          {axisLabel(first.createdAt)}
        </text>
        {span > 0 && (
          <text x={W - PAD.right} y={H - 8} textAnchor="end" fill="var(--mantine-color-dimmed)">
            {axisLabel(last.createdAt)}
          </text>
        )}
        <path d={path} fill="none" stroke="var(--mantine-color-blue-7)" strokeWidth={2} />
        {sorted.map((p) => (
          <circle key={`${p.size}-${p.at}`} cx={x(p.at)} cy={y(p.size)} r={3.5} fill="var(--mantine-color-blue-9)">
            <title>{t("log.growth.point", { size: f.number(p.size), date: f.dateTime(p.createdAt) })}</title>
          </circle>
        ))}
      </svg>
      <Text component="figcaption" size="sm" c="dimmed" mt={4}>
        {summary}
      </Text>
    </figure>
  );
}
