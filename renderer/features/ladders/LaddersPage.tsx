import './ladders.css';

import { Suspense, useCallback, useState } from 'react';

import type { FolderProblem, LadderDetail, LadderList, LadderSummary } from '../../../shared/ipc/ladders';
import type { ResolvedCell } from '../../../shared/ladder';
import { errorMessage } from '../../app/errors';
import { type RevealRequest, useReveal } from '../../app/reveal';
import { useLadderFile, useLadderList } from '../../app/useLadders';
import { useMainAction } from '../../app/useMain';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { preloadableLazy } from '../../ui/lazy-part';
import { Page } from '../../ui/Page';
import { Segmented } from '../../ui/Segmented';
import { SelectField } from '../../ui/SelectField';
import { useStatus } from '../../ui/Status';
import { TextField } from '../../ui/TextField';
import { CellDialog } from './CellDialog';
import { CompareView } from './CompareView';
import { Matrix } from './Matrix';
import { levelLabel } from './model';
import { ProblemsPanel } from './ProblemsPanel';
import { ReviewView } from './ReviewView';
import { TrackInfo } from './TrackInfo';
import { VersionsView } from './VersionsView';

// CodeMirror and the checker it runs are loaded only when someone opens the editor.
const LadderEditor = preloadableLazy(() => import('./LadderEditor'));
// The importers (papaparse, the FT and Monzo readers) load only when someone imports.
const ImportLadderDialog = preloadableLazy(() => import('./import/ImportLadderDialog'));

type View = 'matrix' | 'compare' | 'edit' | 'versions' | 'review';
const views: { id: View; label: string }[] = [
  { id: 'matrix', label: 'Matrix' },
  { id: 'compare', label: 'Compare levels' },
  { id: 'edit', label: 'Edit YAML' },
  { id: 'versions', label: 'Versions' },
  { id: 'review', label: 'Review' },
];

const ladderLabel = (l: LadderSummary) =>
  `${l.name ?? l.file}${l.origin === 'bundled' ? ' (shipped with Trellis)' : ` (${l.file})`}${l.status === 'valid' ? '' : ' — has problems'}`;

/** The user's own ladders first: those are the ones they work on. */
function defaultKey(list: LadderList): string | null {
  return (list.ladders.find((l) => l.origin === 'user') ?? list.ladders[0])?.key ?? null;
}

/** A cell search opened: the ladder file, track, competency and level (see features/search/kinds/ladder-criteria.ts). */
interface CellRef {
  key: string;
  trackId: string;
  competencyId: string;
  levelId: string;
  /** Counts reveals, so opening the same cell again opens it again. */
  n: number;
}

export default function LaddersPage() {
  const list = useLadderList();
  const [picked, setPicked] = useState<string | null>(null);
  const [revealed, setRevealed] = useState<CellRef | null>(null);
  useReveal(
    'ladder-cell',
    useCallback((r: RevealRequest) => {
      try {
        const ref = JSON.parse(r.terms[0] ?? '') as Omit<CellRef, 'n'>;
        setPicked(ref.key);
        setRevealed((old) => ({ ...ref, n: (old?.n ?? 0) + 1 }));
      } catch {
        // Not a cell reference: the screen opens as usual.
      }
    }, []),
  );
  const { announce } = useStatus();
  const choose = useMainAction('ladders:choose-folder');
  const [importing, setImporting] = useState(false);
  const ladders = list.value ?? null;
  const key = ladders && (picked && ladders.ladders.some((l) => l.key === picked) ? picked : defaultKey(ladders));
  const summary = ladders?.ladders.find((l) => l.key === key) ?? null;
  // Through the shared cache (the search indexer and the growth screens read the same file):
  // opened again, the matrix draws at once; main's ladders:changed drops it when a file changes.
  const detail = useLadderFile(summary);

  const chooseFolder = async () => {
    try {
      const { folder } = await choose.run();
      if (folder) announce(`Ladders folder: ${folder}`);
    } catch (e) {
      announce(errorMessage(e), 'error');
    }
  };

  const actions = (
    <>
      <Button onPress={() => setImporting(true)}>Import a ladder…</Button>
      <Button onPress={() => void chooseFolder()} aria-label="Choose ladders folder">
        Choose folder…
      </Button>
      {importing && (
        <Suspense fallback={null}>
          <ImportLadderDialog onClose={() => setImporting(false)} onImported={setPicked} />
        </Suspense>
      )}
    </>
  );
  if (list.status === 'loading') return <p className="loading">Loading ladders…</p>;
  if (list.status === 'error')
    return (
      <Page title="Ladders" actions={actions}>
        <p className="banner banner--error" role="alert">
          {list.error}
        </p>
      </Page>
    );
  const subtitle = (
    <>
      Your ladders folder: <code>{list.value.folder}</code>
    </>
  );
  if (list.value.ladders.length === 0 || !summary) {
    return (
      <Page title="Ladders" subtitle={subtitle} actions={actions}>
        <FolderProblems problems={list.value.folderProblems} />
        <EmptyState icon="☷" title="No ladders yet">
          <p>
            Put ladder YAML files in your ladders folder, or choose a folder that has them (a git checkout works well). Trellis picks up changes as you save.
          </p>
        </EmptyState>
      </Page>
    );
  }
  return (
    <Page title="Ladders" subtitle={subtitle} actions={actions}>
      <FolderProblems problems={list.value.folderProblems} />
      <div className="toolbar">
        <SelectField label="Ladder" value={summary.key} onChange={setPicked} options={list.value.ladders.map((l) => ({ id: l.key, label: ladderLabel(l) }))} />
      </div>
      {detail.status === 'error' && (
        <p className="banner banner--error" role="alert">
          {detail.error}
        </p>
      )}
      {detail.status === 'ready' && detail.value.summary.key === summary.key ? (
        <LadderScreen
          key={`${summary.key}:${revealed?.key === summary.key ? revealed.n : 0}`}
          detail={detail.value}
          summary={summary}
          initialCell={revealed?.key === summary.key ? revealed : null}
        />
      ) : (
        <p className="loading">Loading ladder…</p>
      )}
    </Page>
  );
}

/** The ladders folder cannot be read, or does not look like a ladders folder (main says which). */
function FolderProblems({ problems }: { problems: FolderProblem[] }) {
  return problems.map((p) => (
    <p key={p.message} className={`banner banner--${p.severity}`} role={p.severity === 'error' ? 'alert' : 'status'}>
      {p.message}
    </p>
  ));
}

/** `summary` is the newest word from main (the list); `detail` may lag a moment behind it, but its files and hash agree with each other. */
function LadderScreen({ detail, summary, initialCell }: { detail: LadderDetail; summary: LadderSummary; initialCell: CellRef | null }) {
  const { ladder } = detail;
  const [view, setView] = useState<View>(ladder ? 'matrix' : 'edit');
  const [trackId, setTrackId] = useState<string | null>(initialCell?.trackId ?? null);
  const [query, setQuery] = useState('');
  const [openCell, setOpenCell] = useState<ResolvedCell | null>(
    () =>
      (initialCell &&
        ladder?.cells.find((c) => c.trackId === initialCell.trackId && c.competencyId === initialCell.competencyId && c.levelId === initialCell.levelId)) ??
      null,
  );
  const { announce } = useStatus();
  const copyToFolder = useMainAction('ladders:copy-to-folder');
  const track = ladder?.tracks.find((t) => t.id === trackId) ?? ladder?.tracks[0];

  const copy = async () => {
    try {
      const result = await copyToFolder.run({ key: summary.key });
      announce(`Copied to your ladders folder as ${result.key.replace(/^user:/, '')}`);
    } catch (e) {
      announce(errorMessage(e), 'error');
    }
  };

  return (
    <>
      <ProblemsPanel summary={summary} compact={view === 'edit'} onOpenEditor={view === 'edit' ? undefined : () => setView('edit')} />
      {ladder && (
        <header className="ladder-head">
          <div>
            <h2>
              {ladder.name} <span className="badge">version {ladder.version}</span> {summary.readOnly && <span className="badge">Read-only</span>}{' '}
              {summary.hasDraft && <span className="badge badge--warning">Draft saved beside it</span>}
            </h2>
            {ladder.description && <p className="muted">{ladder.description}</p>}
          </div>
          {summary.readOnly && <Button onPress={() => void copy()}>Copy to my folder</Button>}
        </header>
      )}
      <div className="toolbar">
        <Segmented<View> label="Ladder view" value={view} onChange={setView} options={ladder ? views : views.filter((v) => v.id === 'edit')} />
        {ladder && track && (view === 'matrix' || view === 'compare') && (
          <>
            <SelectField label="Track" value={track.id} onChange={setTrackId} options={ladder.tracks.map((t) => ({ id: t.id, label: t.name }))} />
            <TextField
              className="ladder-search"
              label="Search this ladder"
              type="search"
              value={query}
              onChange={setQuery}
              placeholder="Words in criteria, examples, competencies…"
            />
          </>
        )}
      </div>
      {ladder && track && view === 'matrix' && (
        <>
          <TrackInfo ladder={ladder} trackId={track.id} />
          <Matrix ladder={ladder} trackId={track.id} query={query} onOpen={setOpenCell} />
        </>
      )}
      {ladder && track && view === 'compare' && <CompareView ladder={ladder} trackId={track.id} query={query} />}
      {view === 'edit' && (
        <Suspense fallback={<p className="loading">Loading the editor…</p>}>
          <LadderEditor detail={detail} />
        </Suspense>
      )}
      {view === 'versions' && <VersionsView summary={summary} />}
      {view === 'review' && <ReviewView summary={summary} />}
      {ladder && openCell && (
        <CellDialog
          cell={openCell}
          ladder={ladder}
          title={`${ladder.competencies.find((c) => c.id === openCell.competencyId)?.name ?? openCell.competencyId} · ${levelLabel(ladder, openCell.trackId, openCell.levelId)}`}
          inheritedFromLabel={openCell.inheritedFromLevelId ? levelLabel(ladder, openCell.trackId, openCell.inheritedFromLevelId) : null}
          summary={summary}
          onClose={() => setOpenCell(null)}
        />
      )}
    </>
  );
}
