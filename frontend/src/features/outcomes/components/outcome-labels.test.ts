import { describe, expect, it } from 'vitest';

import { cell, makeMeasure, SUPPRESSED } from '../testing/outcome-data';

import { daysBetween, latestSurveyDay, windowNote } from './outcome-labels';
import { cellState, cellText, changeSentence, formatChange, formatFigure, measureInfo } from './outcome-measures';
import { correctionOf, EMPTY_SURVEY, validateSurvey } from './survey-values';

describe('outcome figures in words', () => {
  it('formats shares, means and ratings, and signs changes', () => {
    expect(formatFigure('percent', 81)).toBe('81.0%');
    expect(formatFigure('mean', 0.386)).toBe('0.39');
    expect(formatFigure('rating', 4.5)).toBe('4.50 of 5');
    expect(formatChange('percent', 44.7)).toBe('+44.7 points');
    expect(formatChange('mean', -0.36)).toBe('−0.36');
    expect(formatChange('mean', 0)).toBe('±0.00');
  });

  it('says suppressed for small cells, and "not asked" for satisfaction at intake', () => {
    const employed = makeMeasure({ measure: 'employed', discharge: SUPPRESSED });
    expect(cellState(employed, 'discharge')).toBe('suppressed');
    expect(cellText(employed, 'discharge', 11)).toBe('Suppressed (fewer than 11 people)');
    expect(cellText(employed, 'intake', 11)).toBe('35.3% (n = 51)');
    const satisfaction = makeMeasure({
      measure: 'satisfaction',
      description: 'mean satisfaction (1 to 5)',
      intake: SUPPRESSED,
      followup_6mo: SUPPRESSED,
      discharge: cell(4.55, 42),
      change_to_followup_6mo: SUPPRESSED,
      change_to_discharge: SUPPRESSED,
    });
    expect(cellText(satisfaction, 'intake', 11)).toBe('Not asked at intake');
    expect(cellText(satisfaction, 'followup_6mo', 11)).toBe('Suppressed (fewer than 11 people)');
    expect(changeSentence(satisfaction, 11)).toBe('No change from intake: it is not asked at intake.');
  });

  it('reads a measure it does not know from its description', () => {
    expect(measureInfo({ measure: 'volunteering', description: '% volunteering' })).toEqual({ title: 'volunteering', kind: 'percent' });
    expect(measureInfo({ measure: 'meetings', description: 'mean meetings attended' }).kind).toBe('mean');
  });
});

describe('survey days and windows', () => {
  it('allows the UTC day when it is already tomorrow there', () => {
    // 8 pm in Chicago on 1 March is 2 March in UTC: the server may date a survey 2 March.
    const evening = new Date('2026-03-02T02:00:00Z');
    expect(latestSurveyDay(evening) >= '2026-03-02').toBe(true);
    expect(validateSurvey({ ...EMPTY_SURVEY, administered_on: '2026-03-03' }, 'intake', '2026-03-02').administered_on).toBe(
      'The day it was taken cannot be in the future.',
    );
  });

  it('counts days and words the window', () => {
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(windowNote({ status: 'upcoming', window_opens_on: '2026-03-06', window_closes_on: '2026-05-05' }, '2026-03-01')).toBe('Opens in 5 days');
    expect(windowNote({ status: 'due', window_opens_on: '2026-02-01', window_closes_on: '2026-03-02' }, '2026-03-01')).toBe('Closes in 1 day');
    expect(windowNote({ status: 'overdue', window_opens_on: '2026-01-01', window_closes_on: '2026-01-31' }, '2026-03-01')).toBe('Closed 29 days ago');
  });

  it('sends only the answers a correction changed', () => {
    const started = { ...EMPTY_SURVEY, alcohol_days: '12', drug_days: '4', housing: 'unstable' as const, satisfaction: null };
    expect(correctionOf({ ...started, alcohol_days: '10' }, started, 'intake')).toEqual({ alcohol_days: 10 });
    // Satisfaction is never sent for intake; at discharge it can be cleared.
    expect(correctionOf({ ...started, satisfaction: 4 }, started, 'intake')).toEqual({});
    expect(correctionOf(started, { ...started, satisfaction: 4 }, 'discharge')).toEqual({ satisfaction: null });
  });
});
