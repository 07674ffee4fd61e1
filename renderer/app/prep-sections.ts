import type { ComponentType } from 'react';

import type { Person } from '../../shared/domain/person';

/**
 * Sections other features add to the 1:1 prep view (feedback follow-ups, growth goals), without
 * 1:1s knowing them (1:1s imports no feature): a feature registers its section from its index.ts,
 * as a lazy component so the first screen's code stays small, and the prep view shows every
 * registered one, in `order`, inside a Suspense boundary. Props: the person and today.
 */
export interface PrepSection {
  id: string;
  order: number;
  Component: ComponentType<{ person: Person; today: string }>;
}

const registered = new Map<string, PrepSection>();

export function registerPrepSection(section: PrepSection): void {
  registered.set(section.id, section);
}

export function prepSections(): PrepSection[] {
  return [...registered.values()].sort((a, b) => a.order - b.order);
}
