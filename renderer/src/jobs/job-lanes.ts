/**
 * Where long jobs run, one at a time in each: the evidence section and the bundle dialogs each
 * have their own progress panel, so an evidence job does not stop a bundle from being checked.
 * A new feature with long jobs (the roster, the notices) adds its lane here.
 */
export const JOB_LANES = {
  evidence: { busy: 'Another evidence job is running; wait for it or cancel it first.' },
  bundles: { busy: 'Another bundle job is running; wait for it or cancel it.' },
  roster: { busy: 'A dataset is already being imported; wait for it or cancel it first.' },
  notices: { busy: 'Notices are already being written; wait for them or cancel first.' },
} as const satisfies Record<string, { busy: string }>;

export type JobLane = keyof typeof JOB_LANES;
