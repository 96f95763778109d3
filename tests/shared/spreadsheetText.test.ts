/**
 * Formula injection (issue 11, item 3): the one helper every CSV and XLSX text cell goes through.
 * Each character a spreadsheet reads as the start of a formula, alone, after spaces, and in a
 * cell with line breaks (papaparse's own escape misses those: its pattern has no `s` flag).
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { spreadsheetCell, spreadsheetText } from '@shared/exports/spreadsheetText';
import { INJECTIONS } from '../support/injections';


describe('spreadsheetText', () => {
  it('puts an apostrophe before every text a spreadsheet would read as a formula, multi-line cells included', () => {
    for (const text of INJECTIONS) expect(spreadsheetText(text), JSON.stringify(text)).toBe(`'${text}`);
  });

  it('leaves ordinary text, numbers, empty cells and text with a sign further in alone', () => {
    for (const text of ['Ana López', "O'Brien", 'Sprints', '', '5K', 'Shin splints, left; =easy week', 'a\n=b', 'Hurdles / jumps', '10 m']) {
      expect(spreadsheetText(text), JSON.stringify(text)).toBe(text);
    }
    expect(spreadsheetCell(-2.5)).toBe(-2.5);
    expect(spreadsheetCell(null)).toBeNull();
    expect(spreadsheetCell('=1')).toBe("'=1");
  });

  it("fills the gap in papaparse's own escape: a multi-line cell starting with = passes through it unescaped", () => {
    // The reason the writers use this helper instead of escapeFormulae.
    expect(Papa.unparse([['=1+1\nx']], { escapeFormulae: true })).toBe('"=1+1\nx"');
    expect(Papa.unparse([[spreadsheetText('=1+1\nx')]])).toBe('"\'=1+1\nx"');
  });
});
