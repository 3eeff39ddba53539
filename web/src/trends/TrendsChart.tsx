import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";

export interface MonthRow {
  month: string;
  [school: string]: string | number;
}

// Palette from the NL Design System's data-visualisation tokens' spirit: distinct at 3:1 against white.
const COLOURS = [
  "#1d4f91",
  "#b3261e",
  "#2e7d32",
  "#6a1b9a",
  "#8a5300",
  "#00695c",
  "#37474f",
  "#ad1457",
];

/**
 * Bars per month, one per school. Cells the service left out (below the minimum) have no bar
 * at all: not zero, not "suppressed", simply absent.
 */
export function TrendsChart(props: {
  rows: MonthRow[];
  schools: { id: string; name: string }[];
  title: string;
}) {
  return (
    <figure className="console-chart">
      <BarChart width={880} height={360} data={props.rows} role="img" aria-label={props.title}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        {props.schools.map((school, index) => (
          <Bar
            key={school.id}
            dataKey={school.id}
            name={school.name}
            fill={COLOURS[index % COLOURS.length]}
          />
        ))}
      </BarChart>
      <figcaption className="utrecht-paragraph">{props.title}</figcaption>
    </figure>
  );
}
