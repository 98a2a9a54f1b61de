import { describe, expect, it } from 'vitest';
import {
  encodeS3EventKey,
  matchesEventPattern,
  matchingNotifications,
} from '../../../local/services/s3-event-notifications.js';

describe('S3 event notifications', () => {
  it('encodes keys as S3 events carry them: form encoding that keeps slashes', () => {
    expect(encodeS3EventKey('placements/p1/doc-1_a.b')).toBe('placements/p1/doc-1_a.b');
    expect(encodeS3EventKey('placements/a b/c+d=(é).pdf')).toBe('placements/a+b/c%2Bd%3D%28%C3%A9%29.pdf');
  });

  it('matches event names against wildcard and exact patterns', () => {
    expect(matchesEventPattern('s3:ObjectCreated:*', 'ObjectCreated:Post')).toBe(true);
    expect(matchesEventPattern('s3:ObjectCreated:Put', 'ObjectCreated:Post')).toBe(false);
    expect(matchesEventPattern('s3:ObjectCreated:*', 'ObjectRemoved:Delete')).toBe(false);
  });

  it('delivers only to notifications of the bucket whose prefix and suffix filters match', () => {
    const notifications = [
      {
        bucketName: 'docs',
        id: 'pdf',
        events: ['s3:ObjectCreated:*'],
        functionName: 'Pdf',
        prefix: 'placements/',
        suffix: '.pdf',
      },
      { bucketName: 'docs', id: 'all', events: ['s3:ObjectCreated:*'], functionName: 'All' },
      { bucketName: 'other', id: 'other', events: ['s3:ObjectCreated:*'], functionName: 'Other' },
    ];
    const names = (key: string) =>
      matchingNotifications(notifications, 'docs', 'ObjectCreated:Put', key).map((n) => n.functionName);
    expect(names('placements/p1/a.pdf')).toEqual(['Pdf', 'All']);
    expect(names('placements/p1/a.png')).toEqual(['All']);
    expect(names('elsewhere/a.pdf')).toEqual(['All']);
  });
});
