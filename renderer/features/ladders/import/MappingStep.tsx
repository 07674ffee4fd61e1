import { useState } from 'react';

import type { ImportSource } from '../../../../shared/ipc/ladder-import';
import { type Progression, progressions } from '../../../../shared/ladder';
import type { SpreadsheetMapping } from '../../../../shared/ladder/import';
import { Checkbox } from '../../../ui/Checkbox';
import { RadioGroupField } from '../../../ui/RadioGroupField';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import { headerCells, type MappingOverrides } from './model';

const NONE = '0';

const progressionLabels: Record<Progression, string> = {
  cumulative: 'Cumulative: each level includes the ones below',
  incremental: 'Incremental: a cell lists only what is new',
  restated: 'Restated: each cell is complete',
};

/** The choices the importer made, to correct: which column is which, the ladder's name and id, how levels build up. */
export function MappingStep({
  source,
  overrides,
  mapping,
  onChange,
}: {
  source: ImportSource;
  overrides: MappingOverrides;
  mapping: unknown;
  onChange: (next: MappingOverrides) => void;
}) {
  const ladder = (mapping as { ladder: { id: string; name: string } }).ladder;
  const progression = (mapping as { progression?: Progression }).progression ?? null;
  const setCommon = (patch: Record<string, unknown>) => onChange({ ...overrides, mapping: { ...overrides.mapping, ...patch } } as MappingOverrides);
  return (
    <div className="import-mapping">
      <div className="form-grid">
        <TextField label="Ladder name" value={ladder.name} onChange={(name) => setCommon({ ladder: { ...ladder, name } })} />
        <TextField
          label="Ladder id"
          value={ladder.id}
          onChange={(id) => setCommon({ ladder: { ...ladder, id } })}
          description="Letters, digits, “.”, “_” or “-”; people and assessments refer to it"
        />
        <SelectField<Progression>
          label="How levels build up"
          value={progression}
          empty="Not said (cumulative)"
          onChange={(p) => setCommon({ progression: p ?? undefined })}
          options={progressions.map((p) => ({ id: p, label: progressionLabels[p] }))}
        />
      </div>
      {overrides.kind === 'spreadsheet' && (
        <SpreadsheetMappingFields
          source={source}
          mapping={mapping as SpreadsheetMapping}
          overrides={overrides.mapping}
          onChange={(m) => onChange({ kind: 'spreadsheet', mapping: m })}
        />
      )}
      {overrides.kind !== 'spreadsheet' && <LevelList mapping={mapping} />}
    </div>
  );
}

function LevelList({ mapping }: { mapping: unknown }) {
  const levels = (mapping as { levels?: Array<{ id: string; title: string; track?: string }> }).levels;
  const tracks = (mapping as { tracks?: Array<{ id: string; name: string }> }).tracks ?? [];
  if (!levels) return tracks.length > 0 ? <p className="muted">Tracks: {tracks.map((t) => t.name).join(', ')}</p> : null;
  return (
    <p className="muted">
      Levels, lowest first: {levels.map((l) => `${l.title} (${l.id}${l.track ? `, ${l.track}` : ''})`).join(' · ')}
      {tracks.length > 0 && <> — tracks: {tracks.map((t) => t.name).join(', ')}</>}
    </p>
  );
}

type ColumnField =
  | 'competencyColumn'
  | 'categoryColumn'
  | 'descriptionColumn'
  | 'levelColumn'
  | 'criteriaColumn'
  | 'trackColumn'
  | 'examplesColumn'
  | 'linksColumn'
  | 'expectsColumn'
  | 'idColumn';

const columnLabels: Record<ColumnField, string> = {
  competencyColumn: 'Competency column',
  categoryColumn: 'Category column',
  descriptionColumn: 'Description column',
  levelColumn: 'Level column',
  criteriaColumn: 'Criteria column',
  trackColumn: 'Track column',
  examplesColumn: 'Examples column',
  linksColumn: 'Links column',
  expectsColumn: 'Expected proficiency column',
  idColumn: 'Criterion id column',
};

const required = new Set<ColumnField>(['competencyColumn', 'levelColumn', 'criteriaColumn']);

function SpreadsheetMappingFields({
  source,
  mapping,
  overrides,
  onChange,
}: {
  source: ImportSource;
  mapping: SpreadsheetMapping;
  overrides: Partial<SpreadsheetMapping>;
  onChange: (next: Partial<SpreadsheetMapping>) => void;
}) {
  const headers = headerCells(source.text, mapping);
  const options = headers.map((h) => ({ id: String(h.column), label: h.label }));
  const fields: ColumnField[] =
    mapping.layout === 'grid'
      ? ['competencyColumn', 'categoryColumn', 'descriptionColumn']
      : [
          'competencyColumn',
          'levelColumn',
          'criteriaColumn',
          'categoryColumn',
          'trackColumn',
          'examplesColumn',
          'linksColumn',
          'expectsColumn',
          'idColumn',
          'descriptionColumn',
        ];
  const [headerRowText, setHeaderRowText] = useState(String(mapping.headerRow));
  // A column given to one field is taken from the level columns the importer chose.
  const setColumn = (field: ColumnField, column: number) => {
    const { levelColumns: _levels, ...rest } = overrides;
    onChange({ ...rest, [field]: column });
  };
  const mapped = new Set(fields.map((f) => mapping[f]).filter((c): c is number => typeof c === 'number' && c > 0));
  const levelColumnSet = new Set(mapping.levelColumns.map((l) => l.column));

  return (
    <>
      <RadioGroupField<SpreadsheetMapping['layout']>
        label="How the sheet is laid out"
        value={mapping.layout}
        onChange={(layout) =>
          onChange({ ladder: overrides.ladder, progression: overrides.progression, headerRow: overrides.headerRow, delimiter: overrides.delimiter, layout })
        }
        options={[
          { id: 'grid', label: 'A row per competency, a column per level' },
          { id: 'rows', label: 'A row per criterion (competency, level and criteria in columns)' },
        ]}
      />
      <div className="form-grid">
        <TextField
          label="Header row"
          inputMode="numeric"
          value={headerRowText}
          onChange={(v) => {
            setHeaderRowText(v);
            const n = Number(v);
            if (Number.isInteger(n) && n >= 1 && n <= 1000) onChange({ ...overrides, headerRow: n, levelColumns: undefined });
          }}
          error={/^\d{1,4}$/.test(headerRowText) && Number(headerRowText) >= 1 ? undefined : 'A row number, 1 for the first row'}
          description="The row that names the columns"
        />
        {fields.map((field) => {
          const value = mapping[field];
          const current = typeof value === 'number' && value > 0 ? String(value) : null;
          return required.has(field) ? (
            <SelectField
              key={field}
              label={columnLabels[field]}
              value={current}
              placeholder="Choose a column"
              onChange={(v) => setColumn(field, Number(v))}
              options={options}
            />
          ) : (
            <SelectField
              key={field}
              label={columnLabels[field]}
              value={current}
              empty="None"
              onChange={(v) => setColumn(field, Number(v ?? NONE))}
              options={options}
            />
          );
        })}
      </div>
      {mapping.layout === 'grid' ? (
        <fieldset className="import-levels">
          <legend>Level columns, lowest level first</legend>
          {headers
            .filter((h) => !mapped.has(h.column))
            .map((h) => (
              <Checkbox
                key={h.column}
                isSelected={levelColumnSet.has(h.column)}
                onChange={(on) => {
                  const next = on
                    ? [...mapping.levelColumns, { column: h.column, id: '', title: '' }].sort((a, b) => a.column - b.column)
                    : mapping.levelColumns.filter((l) => l.column !== h.column);
                  onChange({ ...overrides, levelColumns: next.map((l) => levelFor(l, headers)) });
                }}
              >
                {h.label}
                {levelColumnSet.has(h.column) && ` → level ${mapping.levelColumns.find((l) => l.column === h.column)?.id}`}
              </Checkbox>
            ))}
        </fieldset>
      ) : (
        mapping.levelValues.length > 0 && (
          <p className="muted">Levels found, lowest first: {mapping.levelValues.map((l) => (l.id === l.value ? l.id : `${l.value} → ${l.id}`)).join(' · ')}</p>
        )
      )}
    </>
  );
}

/** A level column keeps the id the importer gave it; a newly ticked one is named from its header. */
function levelFor(level: { column: number; id: string; title: string }, headers: Array<{ column: number; label: string }>) {
  if (level.id) return level;
  const header = (headers.find((h) => h.column === level.column)?.label ?? '').replace(/^[A-Z]+: /, '');
  const title = header === '(no header)' ? `Level ${level.column}` : header;
  const id =
    title
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[-._]+|[-._]+$/g, '')
      .slice(0, 60) || `level-${level.column}`;
  return { column: level.column, id, title };
}
