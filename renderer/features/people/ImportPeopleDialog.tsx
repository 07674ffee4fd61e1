import './import-people.css';

import { useId, useMemo, useState } from 'react';

import { type DateOrder } from '../../../shared/domain/csv-dates';
import { type CsvEncoding, csvEncodingLabels, csvEncodings, decodeCsvBytes, type DecodedCsv } from '../../../shared/domain/csv-encoding';
import {
  type ColumnMapping,
  type CsvTable,
  detectMapping,
  type ImportField,
  type ImportPlan,
  type ImportProblem,
  type ImportUser,
  type PlaceOnLadder,
  planImport,
} from '../../../shared/domain/people-csv';
import { parseCsv, peopleToCsv } from '../../../shared/domain/people-csv-file';
import type { Person } from '../../../shared/domain/person';
import type { Team } from '../../../shared/domain/team';
import { placementOptions } from '../../../shared/ladder/placement';
import { useMe } from '../../app/current-user';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { useMainAction } from '../../app/useMain';
import { useTeams } from '../../app/usePeople';
import { ImportRefusedError } from '../../db/people';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { SelectField } from '../../ui/SelectField';
import { useStatus } from '../../ui/Status';
import { type ChosenManager, DateReadingField, ManagerIsMe, MappingFields, NOT_IN_FILE, PreviewTable, ProblemList } from './ImportPeopleParts';
import { placeableLadders, useLadder, useLadderList } from './placements';

const MAX_BYTES = 5 * 1024 * 1024;

interface LoadedFile {
  name: string;
  bytes: Uint8Array;
}

/** A day as the preview shows an interpretation: with the month's name, so it cannot be misread. */

interface MeOptions {
  me: ImportUser | null;
  meAliases: string[];
}

function previewPlan(
  table: CsvTable,
  mapping: ColumnMapping,
  everyone: Person[],
  teams: Team[],
  dateOrder: DateOrder | null,
  placeOn: PlaceOnLadder | null,
  meOptions: MeOptions,
): ImportPlan {
  let n = 0;
  return planImport(table, mapping, everyone, () => `preview-${++n}`, { teams, dateOrder, placeOn, ...meOptions });
}

function summary(plan: ImportPlan): string {
  const parts = [`${plan.created} new`, `${plan.updated} updated`];
  if (plan.unchanged) parts.push(`${plan.unchanged} unchanged`);
  const teams = plan.teams.length
    ? ` Creates ${plan.teams.length === 1 ? 'the team' : `${plan.teams.length} teams:`} ${plan.teams.map((t) => t.name).join(', ')}.`
    : '';
  return `Ready to import: ${parts.join(', ')}.${teams}`;
}

function importLabel(plan: ImportPlan | null, problems: ImportProblem[]): string {
  if (!plan || problems.length > 0) return 'Import';
  const n = plan.people.length;
  return n === 0 ? 'Nothing to change' : `Import ${n} ${n === 1 ? 'person' : 'people'}`;
}

/** The file-level problem that keeps garbled text from being imported. */
function encodingProblem(decoded: DecodedCsv): ImportProblem | null {
  if (!decoded.garbled) return null;
  return {
    row: null,
    column: null,
    message: `The text does not read correctly as ${csvEncodingLabels[decoded.encoding]}: line ${decoded.garbled.line} shows “${decoded.garbled.sample}”. Choose the encoding the file was saved in, or save it again from the spreadsheet as “CSV UTF-8”.`,
  };
}

export interface ImportPeopleDialogProps {
  everyone: Person[];
  onClose: () => void;
}

/**
 * CSV import with a preview: choose a file, check the encoding, how dates are read and which
 * column feeds which field, see every problem by row and column, then import all rows or none.
 */
export function ImportPeopleDialog({ everyone, onClose }: ImportPeopleDialogProps) {
  const { people } = useRepositories();
  const teamList = useTeams();
  const { announce } = useStatus();
  const saveText = useMainAction('files:save-text');
  const inputId = useId();
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [encoding, setEncoding] = useState<CsvEncoding | null>(null);
  const [dateOrder, setDateOrder] = useState<DateOrder | null>(null);
  // A Level column read against a ladder: a level it names places the person there.
  const [ladderId, setLadderId] = useState<string | null>(null);
  const ladderList = useLadderList();
  const { ladder: chosen, summary: chosenSummary } = useLadder(ladderId);
  const chosenHash = chosenSummary?.hash ?? null;
  const placeOn = useMemo<PlaceOnLadder | null>(
    () => (chosen && chosenHash ? { against: { ladderId: chosen.id, version: chosen.version, hash: chosenHash }, options: placementOptions(chosen) } : null),
    [chosen, chosenHash],
  );
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refused, setRefused] = useState<ImportProblem[] | null>(null);
  const [busy, setBusy] = useState(false);
  const me = useMe() ?? null;
  const [meChosen, setMeChosen] = useState<ChosenManager[]>([]);
  const meAliases = useMemo(() => meChosen.map((c) => c.key), [meChosen]);

  const decoded = useMemo(() => (file ? decodeCsvBytes(file.bytes, encoding ?? undefined) : null), [file, encoding]);
  const table = useMemo(() => (decoded ? parseCsv(decoded.text) : null), [decoded]);
  const plan = useMemo(
    () => (table && mapping ? previewPlan(table, mapping, everyone, teamList ?? [], dateOrder, placeOn, { me, meAliases }) : null),
    [table, mapping, everyone, teamList, dateOrder, placeOn, me, meAliases],
  );
  const fileProblem = decoded ? encodingProblem(decoded) : null;
  const problems = refused ?? [...(fileProblem ? [fileProblem] : []), ...(plan?.problems ?? [])];

  const choose = async (chosen: File | undefined) => {
    setError(null);
    setRefused(null);
    if (!chosen) return;
    if (chosen.size > MAX_BYTES) {
      setError(`${chosen.name} is larger than 5 MB; Trellis imports people lists up to that size.`);
      return;
    }
    const bytes = new Uint8Array(await chosen.arrayBuffer());
    setFile({ name: chosen.name, bytes });
    setMeChosen([]);
    setEncoding(null);
    setDateOrder(null);
    setMapping(detectMapping(parseCsv(decodeCsvBytes(bytes).text).headers));
  };

  const changeEncoding = (value: string | null) => {
    if (!file || !value) return;
    setRefused(null);
    setEncoding(value as CsvEncoding);
    // Headers read differently in another encoding: guess the columns again.
    setMapping(detectMapping(parseCsv(decodeCsvBytes(file.bytes, value as CsvEncoding).text).headers));
  };

  const remap = (field: ImportField, value: string | null) => {
    setRefused(null);
    setMapping((m) => (m ? { ...m, [field]: value === null || value === NOT_IN_FILE ? null : Number(value) } : m));
  };

  const runImport = async () => {
    if (!table || !mapping || fileProblem) return;
    setBusy(true);
    try {
      const done = await people.importCsv(table, mapping, { dateOrder, placeOn, me, meAliases });
      const teamNote = done.teams.length ? `, ${done.teams.length} ${done.teams.length === 1 ? 'team' : 'teams'} created` : '';
      announce(`Imported people: ${done.created} added, ${done.updated} updated${teamNote}`);
      onClose();
    } catch (e) {
      if (e instanceof ImportRefusedError) setRefused(e.problems);
      else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const toImport = plan && problems.length === 0 ? plan.people.length : 0;

  /** The current list in the importer's layout: a starting point to edit in a spreadsheet. */
  const exportCurrent = async () => {
    setError(null);
    try {
      const result = await saveText.run({
        suggestedName: 'people.csv',
        content: peopleToCsv(everyone, teamList ?? []),
        kind: 'csv',
        title: 'Export people as CSV',
      });
      if (result.saved && result.path) announce(`Saved ${result.path.split(/[\\/]/).pop()}`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Dialog title="Import people from CSV" isOpen onOpenChange={(open) => !open && onClose()} size="wide">
      <p className="muted">
        One row per person with a header row, as spreadsheets and HR tools (BambooHR, Workday, HiBob, Personio, Rippling, Google Workspace) export it. Everyone
        needs a name and an email; people already here are matched by email and updated, not added twice. A Department becomes a team.
      </p>
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          CSV file
        </label>
        <input
          id={inputId}
          className="file-input"
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values"
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </div>
      {everyone.length > 0 && !file && (
        <div className="import-template">
          <Button size="small" onPress={() => void exportCurrent()}>
            Export the current list as CSV…
          </Button>
          <span className="muted">A starting point to edit in a spreadsheet: importing it again updates people by email.</span>
        </div>
      )}
      {error && (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      )}
      {file && decoded && table && mapping && (
        <>
          <div className="import-reading">
            <SelectField
              label="Text encoding"
              options={csvEncodings.map((e) => ({ id: e, label: csvEncodingLabels[e] }))}
              value={decoded.encoding}
              onChange={changeEncoding}
              description={decoded.source === 'bom' ? 'Marked in the file' : decoded.source === 'detected' ? 'Detected from the file' : 'As you chose'}
              error={fileProblem ? 'The names do not read correctly in this encoding' : undefined}
            />
            {mapping.level !== null && placeableLadders(ladderList.value).length > 0 && (
              <SelectField
                label="Read levels against"
                value={ladderId}
                empty="No ladder (keep levels as text)"
                onChange={setLadderId}
                options={placeableLadders(ladderList.value).map((l) => ({ id: l.id!, label: l.name ?? l.file }))}
                description={
                  plan && placeOn
                    ? `${plan.people.filter((p) => p.fields.placement?.against.hash === placeOn.against.hash).length} of ${plan.people.length} placed on the ladder; other levels stay as text`
                    : 'A level the ladder has places the person on it'
                }
              />
            )}
            {plan && (
              <DateReadingField
                dates={plan.dates}
                choice={dateOrder}
                onChoose={(order) => {
                  setRefused(null);
                  setDateOrder(order);
                }}
              />
            )}
          </div>
          {me && plan && (
            <ManagerIsMe
              me={me}
              unknown={plan.unknownManagers}
              chosen={meChosen}
              onChange={(chosen) => {
                setRefused(null);
                setMeChosen(chosen);
              }}
            />
          )}
          {problems.length > 0 ? <ProblemList problems={problems} /> : plan && <p className="import-ready">{summary(plan)}</p>}
          <PreviewTable fileName={file.name} table={table} mapping={mapping} problems={problems} readAs={plan?.dates.readAs ?? null} />
          <MappingFields headers={table.headers} mapping={mapping} onChange={remap} />
        </>
      )}
      <div className="dialog__actions">
        <Button onPress={onClose}>Cancel</Button>
        <Button variant="primary" isDisabled={busy || toImport === 0} onPress={() => void runImport()}>
          {importLabel(plan, problems)}
        </Button>
      </div>
    </Dialog>
  );
}
