const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/** "mod+1" → "Ctrl+1" (or "⌘1" on a Mac), as printed on the keyboard. */
export function shortcutLabel(keys: string): string {
  return keys
    .split('+')
    .map((part) => {
      switch (part) {
        case 'mod':
          return isMac ? '⌘' : 'Ctrl';
        case 'shift':
          return isMac ? '⇧' : 'Shift';
        case 'enter':
          return 'Enter';
        case 'escape':
          return 'Esc';
        case 'arrows':
          return '←↑↓→';
        case 'delete':
          return 'Delete';
        default:
          return part.length === 1 ? part.toUpperCase() : part;
      }
    })
    .join(isMac ? '' : '+');
}
