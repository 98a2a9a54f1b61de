/**
 * The `message` of the JSON log line notify-outcome writes once per placement it has notified:
 * `{"level":"INFO","message":"Placement outcome","placementId":"…","outcome":"CLEARED",…}`. The metric
 * filters of infra/constructs/placement-metrics.ts count the outcomes by it.
 */
export const PLACEMENT_OUTCOME_MESSAGE = 'Placement outcome';
