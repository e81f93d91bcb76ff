import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type Plugin } from 'chart.js';
import { useEffect, useRef } from 'react';
import { formatMoney, groupDigits } from './format';
import type { CountrySavings } from './queries';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
Chart.defaults.color = '#33414f';

const JOINT_COLOUR = '#1f6fb2';
const ALONE_COLOUR = '#b9c6d3';

/** Writes each bar's exact amount (the decimal string the graph answered) at its end. */
const amountLabels: Plugin<'bar'> = {
  id: 'amountLabels',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.font = `12px ${Chart.defaults.font.family}`;
    ctx.fillStyle = '#1b2631';
    ctx.textBaseline = 'middle';
    chart.data.datasets.forEach((dataset, datasetIndex) => {
      const exact = (dataset as { exactAmounts?: string[] }).exactAmounts ?? [];
      chart.getDatasetMeta(datasetIndex).data.forEach((bar, index) => {
        const text = exact[index];
        if (text !== undefined) ctx.fillText(groupDigits(text), bar.x + 6, bar.y);
      });
    });
    ctx.restore();
  },
};

/** Per member: what it pays in the joint order next to what it would pay alone — as bars and as numbers. */
export function SavingsChart({ rows }: { rows: CountrySavings[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    if (!canvas.current || rows.length === 0) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: rows.map((row) => row.country.name),
        datasets: [
          {
            label: 'Pays in the joint order',
            // Bar lengths only: Number() of the exact string is display-only, never summed or stored.
            data: rows.map((row) => Number(row.committed.amount)),
            exactAmounts: rows.map((row) => row.committed.amount),
            backgroundColor: JOINT_COLOUR,
          } as never,
          {
            label: 'Would pay ordering alone',
            data: rows.map((row) => Number(row.individual.amount)),
            exactAmounts: rows.map((row) => row.individual.amount),
            backgroundColor: ALONE_COLOUR,
          } as never,
        ],
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        // Room on the right for the amount written after the longest bar.
        layout: { padding: { right: 110 } },
        scales: { x: { beginAtZero: true, ticks: { maxTicksLimit: 5 } }, y: { grid: { display: false } } },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: {
            callbacks: {
              label: (item) => {
                const row = rows[item.dataIndex];
                return `${item.dataset.label}: ${formatMoney(item.datasetIndex === 0 ? row.committed : row.individual)}`;
              },
            },
          },
        },
      },
      plugins: [amountLabels],
    });
    return () => chart.destroy();
  }, [rows]);

  if (rows.length === 0) return <p className="empty">No allocations on this order yet.</p>;
  return (
    <div className="savings">
      <div className="chart-box" style={{ height: 60 + rows.length * 56 }}>
        <canvas ref={canvas} role="img" aria-label="Savings per member: joint price against price alone" />
      </div>
      <table className="savings-table" data-testid="savings-table">
        <thead>
          <tr>
            <th>Member</th>
            <th className="num">Pays</th>
            <th className="num">Alone</th>
            <th className="num">Saves</th>
            <th className="num">%</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.country.code} data-testid="savings-row" data-country={row.country.code}>
              <td data-label="Member">{row.country.name}</td>
              <td className="num" data-field="committed" data-label="Pays">
                {formatMoney(row.committed)}
              </td>
              <td className="num" data-field="individual" data-label="Alone">
                {formatMoney(row.individual)}
              </td>
              <td className="num saves" data-field="savings" data-label="Saves">
                {formatMoney(row.savings)}
              </td>
              <td className="num saves" data-label="Saves %">
                <span data-field="savingsPercent">{row.savingsPercent}</span>
                <span className="phone-only"> %</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
