/**
 * The app's typeface: Inter, shipped with the app (main.tsx imports it from @fontsource/inter),
 * so screens and printed sheets look the same on every laptop and text renders where no system
 * font is installed; the system fonts after it only for characters Inter lacks. Used by the
 * theme (and so every screen and, through --mantine-font-family, the sheets) and by the
 * calendar's canvas.
 */
export const APP_FONT = 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
