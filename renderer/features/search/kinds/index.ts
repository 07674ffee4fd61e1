/**
 * Every kind search knows, one module each (see registry.ts). A feature that adds a table adds
 * its module here: feedback, wins, goals and assessments will.
 */
import './people';
import './meetings';
import './action-items';
import './talking-points';
import './feedback';
import './assessments';
import './ladder-criteria';
import './goals';
import './calibration';
import './wins';

export * from './registry';
