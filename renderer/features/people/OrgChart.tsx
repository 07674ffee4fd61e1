import { buildOrgTree, type OrgNode } from '../../../shared/domain/org';
import type { Person } from '../../../shared/domain/person';

function countReports(node: OrgNode): number {
  return node.reports.reduce((n, r) => n + 1 + countReports(r), 0);
}

function OrgBranch({ node, onOpen }: { node: OrgNode; onOpen: (p: Person) => void }) {
  const direct = node.reports.length;
  return (
    <li>
      <div className="org-node">
        <button type="button" className="link-button" onClick={() => onOpen(node.person)} aria-label={`Edit ${node.person.name}`}>
          {node.person.name}
        </button>
        {node.person.title && <span className="muted"> · {node.person.title}</span>}
        {node.person.archived && <span className="badge">Archived</span>}
        {direct > 0 && (
          <span className="badge" title={`${countReports(node)} in total`}>
            {direct} direct {direct === 1 ? 'report' : 'reports'}
          </span>
        )}
      </div>
      {direct > 0 && (
        <ul aria-label={`Reports of ${node.person.name}`}>
          {node.reports.map((r) => (
            <OrgBranch key={r.person.id} node={r} onOpen={onOpen} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function OrgChart({ people, onOpen }: { people: Person[]; onOpen: (p: Person) => void }) {
  const roots = buildOrgTree(people);
  return (
    <div className="card org-chart">
      <ul aria-label="Organisation">
        {roots.map((n) => (
          <OrgBranch key={n.person.id} node={n} onOpen={onOpen} />
        ))}
      </ul>
    </div>
  );
}
