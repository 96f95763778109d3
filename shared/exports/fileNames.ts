/**
 * Names of the files Backchain makes for the coach: the squad's or an athlete's name made safe
 * for every file system (Windows forbids \ / : * ? " < > |, a leading dot hides a file on macOS
 * and Linux), accents kept, invisible formatting characters (a text-direction override could
 * make "evil gnp.exe" look like "evil exe.png") removed.
 */

/** "Riverside XC" stays "Riverside XC"; "A/B: Sprints?" becomes "A B Sprints"; empty becomes `fallback`. */
export function safeFileStem(text: string, fallback: string, maxLength = 60): string {
  const safe = text
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\p{Cf}+/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, maxLength)
    .trim();
  return safe || fallback;
}
