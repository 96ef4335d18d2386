import { describe, expect, it } from 'vitest';
import { dataElementPatchSchema } from '../../shared/domain/data-elements';
import { eventPatchSchema } from '../../shared/domain/events';
import { factsPatchSchema } from '../../shared/domain/facts';
import { partyPatchSchema } from '../../shared/domain/parties';
import { notePatchSchema, taskPatchSchema } from '../../shared/domain/tasks-notes';

describe('patch schemas', () => {
  it('keep only the fields given: a missing field is left alone, never reset to its default', () => {
    expect(dataElementPatchSchema.parse({ note: 'n' })).toEqual({ note: 'n' });
    expect(taskPatchSchema.parse({ title: 'Call counsel' })).toEqual({ title: 'Call counsel' });
    expect(notePatchSchema.parse({ privileged: true })).toEqual({ privileged: true });
    expect(partyPatchSchema.parse({ email: 'a@b.example' })).toEqual({ email: 'a@b.example' });
    expect(eventPatchSchema.parse({ title: 'Renamed' })).toEqual({ title: 'Renamed' });
    expect(factsPatchSchema.parse({ organisation: { role: 'processor' } })).toEqual({
      organisation: { role: 'processor' },
    });
  });

  it('still validate the fields given and refuse unknown ones', () => {
    expect(taskPatchSchema.safeParse({ status: 'lost' }).success).toBe(false);
    expect(taskPatchSchema.safeParse({ colour: 'red' }).success).toBe(false);
    expect(dataElementPatchSchema.safeParse({ term: 'not-a-term' }).success).toBe(false);
  });
});
