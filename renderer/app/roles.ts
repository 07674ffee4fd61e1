import type { UserRole } from '../../shared/settings';

/** What each kind of user is called and what Trellis does for them, as the welcome and Settings say it. */
export const roleOptions: { id: UserRole; label: string; description: string }[] = [
  { id: 'manager', label: 'A manager', description: 'Prepare and log 1:1s, follow up action items, and look after your team’s growth.' },
  {
    id: 'engineer',
    label: 'An engineer keeping my own growth',
    description: 'Assess yourself against the career ladder and keep evidence of your work all year.',
  },
  {
    id: 'committee',
    label: 'A member of a calibration committee',
    description: 'Review promotion packets against the ladder’s criteria and record decisions.',
  },
];

/** Short names, for "You use Trellis as …". */
export const roleNames: Record<UserRole, string> = {
  manager: 'a manager',
  engineer: 'an engineer',
  committee: 'a calibration committee member',
};
