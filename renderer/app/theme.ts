import { createTheme } from '@mantine/core';
import { APP_FONT } from './font';

/** Calm colours, readable at 6 a.m. on a school laptop: teal for the app, sizes a touch larger. */
export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'sm',
  fontFamily: APP_FONT,
  headings: { fontFamily: APP_FONT },
});
