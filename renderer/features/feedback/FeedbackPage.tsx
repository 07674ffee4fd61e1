import './feedback.css';

import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link } from 'wouter';

import { feedbackKindLabels, feedbackTitle } from '../../../shared/domain/feedback';
import { useRepositories } from '../../app/data';
import { requestCapture } from '../../app/quick-capture';
import { Button } from '../../ui/Button';
import { formatDate } from '../../ui/dates';
import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';
import { VirtualTable } from '../../ui/VirtualTable';
import { FeedbackTabs } from './FeedbackTabs';
import { useNameOf } from './FollowUpSections';
import { EVERYONE, PersonFilter } from './PersonFilter';
import { PrivateChip } from './PrivateChip';

/** Every feedback entry, newest first, or one person's; a new one is a quick capture away (F). */
export default function FeedbackPage() {
  const { feedback } = useRepositories();
  const nameOf = useNameOf();
  const [personId, setPersonId] = useState<string>(EVERYONE);
  const entries = useLiveQuery(() => (personId === EVERYONE ? feedback.recent() : feedback.forPerson(personId)), [feedback, personId]);
  const open = useLiveQuery(() => feedback.countOpen(), [feedback]);
  return (
    <Page
      title="Feedback"
      subtitle="Specific feedback, written when it happens, and the follow-ups that close the loop."
      actions={
        <Button variant="primary" onPress={() => requestCapture({ kind: 'feedback', ...(personId !== EVERYONE ? { personId } : {}) })}>
          Capture feedback
        </Button>
      }
    >
      <FeedbackTabs open={open} />
      <div className="feedback-toolbar">
        <PersonFilter value={personId} onChange={setPersonId} />
      </div>
      {entries === undefined ? (
        <p className="loading">Loading…</p>
      ) : entries.length === 0 ? (
        <EmptyState icon="✎" title={personId === EVERYONE ? 'No feedback yet' : `No feedback about ${nameOf(personId)} yet`}>
          <p>Press F on any screen to write feedback about the person on it, in situation, behaviour and impact.</p>
        </EmptyState>
      ) : (
        <VirtualTable
          label="Feedback entries"
          columns={['Date', 'About', 'Kind', 'Feedback', 'Visibility']}
          rows={entries}
          rowKey={(e) => e.id}
          estimateRowHeight={52}
          renderRow={(e) => (
            <>
              <td className="nowrap">{formatDate(e.date)}</td>
              <td>{nameOf(e.personId)}</td>
              <td>{feedbackKindLabels[e.kind]}</td>
              <td>
                <Link href={`/feedback/entries/${e.id}`}>{feedbackTitle(e) || 'Untitled feedback'}</Link>
              </td>
              <td>{e.visibility === 'private' ? <PrivateChip /> : 'Shareable'}</td>
            </>
          )}
        />
      )}
    </Page>
  );
}
