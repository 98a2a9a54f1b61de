import { describe, expect, it } from 'vitest';
import { formatFields, formatTable } from '../../cli/text-table.js';

describe('formatTable', () => {
  it('aligns columns under a header and a rule, without trailing spaces', () => {
    expect(
      formatTable(
        ['ID', 'STATUS', 'N'],
        [
          ['pl-1', 'CLEARED', '0'],
          ['pl-1000', 'AWAITING_DOCUMENTS', '12'],
        ],
      ),
    ).toBe(
      [
        'ID       STATUS              N',
        '-------  ------------------  --',
        'pl-1     CLEARED             0',
        'pl-1000  AWAITING_DOCUMENTS  12',
      ].join('\n'),
    );
  });

  it('cuts long cells with an ellipsis', () => {
    expect(formatTable(['A'], [['abcdefghij']], { maxCellWidth: 5 }).split('\n')[2]).toBe('abcd…');
  });

  it('replaces line breaks and terminal escapes in cells with spaces', () => {
    const table = formatTable(['NAME'], [['Jo\nSmith\u001b[2J']]);
    expect(table.split('\n')).toHaveLength(3);
    expect(table).not.toContain('\u001b');
    expect(table).toContain('Jo Smith [2J');
  });
});

describe('formatFields', () => {
  it('aligns values and leaves out absent ones', () => {
    expect(
      formatFields([
        ['Status', 'CLEARED'],
        ['Failure', undefined],
        ['Documents due', '2027-01-18'],
      ]),
    ).toBe('Status         CLEARED\nDocuments due  2027-01-18');
  });
});
