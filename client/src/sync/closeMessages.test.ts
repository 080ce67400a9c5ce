/**
 * The sentence a closed connection is said with: one code can carry several reasons (4403 is a revoked
 * link, or a professional taken out of the team), and the page must say the right one.
 */
import { CloseCodes } from '@polyphony/shared';
import { describe, expect, it } from 'vitest';
import { closeMessage } from './closeMessages';

describe('closeMessage', () => {
  it('says a revoked link for 4403 access_revoked, and for 4403 with no reason (an older server)', () => {
    expect(closeMessage(CloseCodes.accessRevoked.code, CloseCodes.accessRevoked.reason)).toBe(
      'close.revoked',
    );
    expect(closeMessage(4403)).toBe('close.revoked');
  });

  it('says the professional was removed from the team for 4403 team_access_ended', () => {
    expect(closeMessage(CloseCodes.teamAccessEnded.code, CloseCodes.teamAccessEnded.reason)).toBe(
      'close.leftTeam',
    );
  });

  it('still says something for our other permanent codes, and nothing for "reconnect"', () => {
    expect(closeMessage(CloseCodes.missingDependencies.code)).toBe('close.reload');
    expect(closeMessage(CloseCodes.serverRestart.code)).toBeUndefined();
    expect(closeMessage(4999)).toBeUndefined();
  });
});
