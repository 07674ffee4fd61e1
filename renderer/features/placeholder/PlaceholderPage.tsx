import { sections } from '../../app/sections';
import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';

const upcoming: Record<string, { title: string; lines: string[] }> = {
  ladders: {
    title: 'Career ladders live here soon',
    lines: [
      'Ladders as plain YAML files you own and can keep in git',
      'A levels × competencies matrix and level comparison',
      'Editing in the app with precise error messages',
    ],
  },
  feedback: { title: 'Feedback', lines: ['Feedback given and received, with follow-ups that come due'] },
  packets: {
    title: 'Promotion packets',
    lines: ['Evidence gathered all year, mapped to the ladder', 'Export as PDF, HTML, Markdown or JSON — never with private notes'],
  },
  calibration: { title: 'Calibration', lines: ['Review packets against the same criteria and record decisions'] },
};

export function PlaceholderPage({ section }: { section: string }) {
  const meta = sections.find((s) => s.path === `/${section}`);
  const plan = upcoming[section];
  if (!meta || !plan) {
    return (
      <Page title="Not found">
        <EmptyState icon="?" title="This page does not exist">
          <p>Use the navigation on the left.</p>
        </EmptyState>
      </Page>
    );
  }
  return (
    <Page title={meta.label}>
      <EmptyState icon={meta.icon} title={plan.title}>
        <ul>
          {plan.lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      </EmptyState>
    </Page>
  );
}
