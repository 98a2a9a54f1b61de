/**
 * Text from the API or a file made safe for one terminal line: control characters (line
 * breaks, escape sequences that could repaint the terminal) become spaces.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]+/g;

export const printable = (text: string): string => text.replace(CONTROL_CHARACTERS, ' ');
