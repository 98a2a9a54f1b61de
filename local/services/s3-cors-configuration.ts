import type { CorsRuleSpec } from '../template/local-cloud-model.js';

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * The bucket's CORS rules as the S3 PutBucketCors XML that s3rver reads. Rules that name origins
 * also allow `extraOrigins` (the local API's origins), because the page that uploads is served locally.
 */
export function corsConfigurationXml(rules: CorsRuleSpec[], extraOrigins: string[]): string | undefined {
  if (rules.length === 0) return undefined;
  const element = (name: string, values: string[]) =>
    values.map((value) => `<${name}>${escapeXml(value)}</${name}>`).join('');
  const ruleXml = rules.map((rule) => {
    const origins = rule.allowedOrigins.includes('*')
      ? rule.allowedOrigins
      : [...new Set([...rule.allowedOrigins, ...extraOrigins])];
    return (
      '<CORSRule>' +
      element('AllowedMethod', rule.allowedMethods) +
      element('AllowedOrigin', origins) +
      element('AllowedHeader', rule.allowedHeaders) +
      element('ExposeHeader', rule.exposedHeaders) +
      (rule.maxAgeSeconds !== undefined ? `<MaxAgeSeconds>${rule.maxAgeSeconds}</MaxAgeSeconds>` : '') +
      '</CORSRule>'
    );
  });
  return `<CORSConfiguration>${ruleXml.join('')}</CORSConfiguration>`;
}
