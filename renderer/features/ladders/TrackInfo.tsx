import type { Ladder } from '../../../shared/ladder/model';
import { levelLabel } from './model';

const progressionWords = {
  cumulative: 'Each level includes the ones below it.',
  incremental: 'Each level lists only what is new at it; lower levels still apply.',
  restated: 'Each level is described in full on its own.',
} as const;

/**
 * What the file says about a track beside its matrix: how its levels build on each other, the
 * competencies it puts weight on (emphasis), the common shapes of the role (archetypes), and —
 * for ladders scored in points — the bands that map a total to a level and titles.
 */
export function TrackInfo({ ladder, trackId }: { ladder: Ladder; trackId: string }) {
  const track = ladder.tracks.find((t) => t.id === trackId);
  if (!track) return null;
  const name = (id: string) => ladder.competencies.find((c) => c.id === id)?.name ?? id;
  const progression = track.progression ?? ladder.progression ?? 'cumulative';
  const scoring = ladder.scoring;
  const titles = scoring?.titles.filter((t) => t.trackId === undefined || t.trackId === trackId) ?? [];
  const pointScales = ladder.scales.filter((s) => s.kind === 'labels' && s.steps.some((step) => step.points !== undefined));

  return (
    <section className="track-info" aria-label={`About the ${track.name} track`}>
      <div className="track-info__lead">
        {track.description && <p>{track.description}</p>}
        <p className="muted small">{progressionWords[progression]}</p>
      </div>
      {track.emphasis.length > 0 && (
        <section className="track-info__part card" aria-labelledby="track-emphasis">
          <h3 id="track-emphasis">Emphasis on this track</h3>
          <ul>
            {track.emphasis.map((e) => (
              <li key={e.competencyId}>
                <strong>{name(e.competencyId)}</strong>
                {e.note && <span className="muted">: {e.note}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {track.archetypes.length > 0 && (
        <section className="track-info__part card" aria-labelledby="track-archetypes">
          <h3 id="track-archetypes">Archetypes</h3>
          <ul>
            {track.archetypes.map((a) => (
              <li key={a.id}>
                <strong>{a.name}</strong>
                {a.description && <span>: {a.description}</span>}
                {a.competencyIds.length > 0 && <span className="muted small track-info__competencies">Mostly {a.competencyIds.map(name).join(', ')}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {scoring && (
        <section className="track-info__part card" aria-labelledby="track-points">
          <h3 id="track-points">Points</h3>
          <p className="muted small">
            Each rating scores points{scoring.weighted ? ', times the competency’s weight' : ''}; the total suggests a level. People still decide.
          </p>
          {pointScales.map((scale) => (
            <p key={scale.id} className="small">
              {scale.name}: {scale.steps.map((s) => `${s.label} ${s.points ?? 0}`).join(' · ')}
            </p>
          ))}
          <details>
            <summary>
              Bands ({scoring.bands.length}){titles.length > 0 ? ` and titles (${titles.length})` : ''}
            </summary>
            <table className="data-table track-info__bands">
              <caption className="visually-hidden">Points bands: the level a total suggests</caption>
              <thead>
                <tr>
                  <th scope="col">Total points</th>
                  <th scope="col">Suggests</th>
                </tr>
              </thead>
              <tbody>
                {scoring.bands.map((band, i) => {
                  const next = scoring.bands[i + 1];
                  return (
                    <tr key={`${band.min}-${band.levelId}`}>
                      <td>
                        {next
                          ? Number.isInteger(band.min) && Number.isInteger(next.min)
                            ? `${band.min}–${next.min - 1}`
                            : `${band.min} to under ${next.min}`
                          : `${band.min} or more`}
                      </td>
                      <td>{levelLabel(ladder, trackId, band.levelId)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {titles.length > 0 && (
              <table className="data-table track-info__bands">
                <caption className="visually-hidden">Titles by total points</caption>
                <thead>
                  <tr>
                    <th scope="col">Title</th>
                    <th scope="col">Total points</th>
                  </tr>
                </thead>
                <tbody>
                  {titles.map((t) => (
                    <tr key={`${t.title}-${t.trackId ?? ''}-${t.min}`}>
                      <td>{t.title}</td>
                      <td>{t.max === undefined ? `${t.min} or more` : `${t.min}–${t.max}`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </details>
        </section>
      )}
    </section>
  );
}
