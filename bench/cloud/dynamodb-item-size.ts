/**
 * The size DynamoDB bills an item by, from its wire form (AttributeValue maps), following
 * "Item sizes and formats" in the DynamoDB developer guide: attribute names and string values in
 * UTF-8 bytes, numbers ~1 byte per two significant digits + 1, binary in bytes, booleans and null
 * 1 byte, lists and maps 3 bytes + 1 byte per element + the elements, sets the sum of their members.
 */
export type AttributeValue = Record<string, unknown>;

const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');

const numberBytes = (text: string) => {
  const digits = text
    .replace(/^-/, '')
    .replace(/[eE].*$/, '')
    .replace('.', '')
    .replace(/^0+/, '')
    .replace(/0+$/, '');
  return Math.ceil(Math.max(1, digits.length) / 2) + 1 + (text.startsWith('-') ? 1 : 0);
};

const binaryBytes = (value: unknown) =>
  typeof value === 'string'
    ? Buffer.from(value, 'base64').length
    : value instanceof Uint8Array
      ? value.length
      : 0;

export function attributeValueBytes(value: AttributeValue): number {
  const [type, content] = Object.entries(value)[0] ?? ['NULL', true];
  switch (type) {
    case 'S':
      return utf8Bytes(String(content));
    case 'N':
      return numberBytes(String(content));
    case 'B':
      return binaryBytes(content);
    case 'BOOL':
    case 'NULL':
      return 1;
    case 'SS':
      return (content as string[]).reduce((sum, member) => sum + utf8Bytes(member), 0);
    case 'NS':
      return (content as string[]).reduce((sum, member) => sum + numberBytes(member), 0);
    case 'BS':
      return (content as unknown[]).reduce<number>((sum, member) => sum + binaryBytes(member), 0);
    case 'L':
      return (content as AttributeValue[]).reduce(
        (sum, element) => sum + 1 + attributeValueBytes(element),
        3,
      );
    case 'M':
      return Object.entries(content as Record<string, AttributeValue>).reduce(
        (sum, [name, element]) => sum + 1 + utf8Bytes(name) + attributeValueBytes(element),
        3,
      );
    default:
      return 0;
  }
}

export const itemBytes = (item: Record<string, AttributeValue>): number =>
  Object.entries(item).reduce((sum, [name, value]) => sum + utf8Bytes(name) + attributeValueBytes(value), 0);
