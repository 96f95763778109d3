/**
 * Messages for what a schema does not word itself. Every field a coach fills in has its own
 * sentence in its schema ("Enter a first name"); this covers the rest (a list that is missing,
 * a field nobody asked for, a value of the wrong kind), so that no refusal ever reads
 * "Invalid input: expected array, received undefined". Installed once, for main and the page.
 */
import { z } from 'zod';

const KINDS: Record<string, string> = {
  array: 'a list',
  object: 'a set of fields',
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'yes or no',
  date: 'a date',
  null: 'nothing',
};

function words(value: unknown): string {
  const text = typeof value === 'string' ? `"${value}"` : String(value);
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}

let installed = false;

export function installContractMessages(): void {
  if (installed) return;
  installed = true;
  z.config({
    customError: (issue) => {
      switch (issue.code) {
        case 'invalid_type':
          if (issue.input === undefined) return 'This is missing';
          return `Expected ${KINDS[issue.expected] ?? issue.expected}`;
        case 'unrecognized_keys':
          return `Unknown field${issue.keys.length === 1 ? '' : 's'}: ${issue.keys.map(words).join(', ')}`;
        case 'too_big':
          if (issue.origin === 'array' || issue.origin === 'set') return `At most ${issue.maximum} at once`;
          if (issue.origin === 'string') return `Keep it to ${issue.maximum} characters`;
          return `Must be ${issue.inclusive === false ? 'less than' : 'at most'} ${issue.maximum}`;
        case 'too_small':
          if (issue.origin === 'array' || issue.origin === 'set') return `Choose at least ${issue.minimum}`;
          if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'This cannot be empty' : `Write at least ${issue.minimum} characters`;
          return `Must be ${issue.inclusive === false ? 'more than' : 'at least'} ${issue.minimum}`;
        case 'invalid_value':
          return `Choose one of: ${issue.values.map(words).join(', ')}`;
        case 'invalid_union':
          return 'This is not one of the accepted choices';
        case 'invalid_format':
          return 'This is not written in the expected form';
        case 'not_multiple_of':
          return `Must be a multiple of ${issue.divisor}`;
        case 'invalid_key':
        case 'invalid_element':
          return 'This list or map holds something it should not';
        default:
          return undefined;
      }
    },
  });
}

installContractMessages();
