/**
 * Generated from docs/openapi.yaml by openapi-typescript: do not edit. After changing the document,
 * run `npm run contract:types`; test/contract/http-api-types.test.ts fails while this file differs
 * from a fresh generation. Readable names for these types are in ./http-api.ts.
 */

export interface paths {
  '/sites/{siteId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The school's own site id; at most 200 characters, no `/` or `#`. */
        siteId: components['parameters']['SiteId'];
      };
      cookie?: never;
    };
    /** A site's profile */
    get: operations['getSite'];
    /**
     * Create or replace a site's profile
     * @description Running placements keep the rules they started with.
     */
    put: operations['putSite'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/placements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Placements, newest first, one page at a time */
    get: operations['listPlacements'];
    put?: never;
    /**
     * Create a placement and start its workflow
     * @description The placement id is derived from `student.id`, `siteId` and `startDate`: the same three again
     *     answer 200 with the existing placement, never a duplicate. A site that does not exist is a
     *     400 naming `siteId`.
     */
    post: operations['createPlacement'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/placements/{placementId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description `pl_` and 26 base32 characters, derived from student, site and start date. */
        placementId: components['parameters']['PlacementId'];
      };
      cookie?: never;
    };
    /** One placement */
    get: operations['getPlacement'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/placements/{placementId}/waivers': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description `pl_` and 26 base32 characters, derived from student, site and start date. */
        placementId: components['parameters']['PlacementId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Waive one requirement
     * @description When it was the last one outstanding, the workflow moves on to the site. A finished placement is a 409.
     */
    post: operations['waiveRequirement'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/placements/{placementId}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description `pl_` and 26 base32 characters, derived from student, site and start date. */
        placementId: components['parameters']['PlacementId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a placement
     * @description Stops the execution (`CANCELLED`) and emails the student and, when the packet had gone to the
     *     site, each site administrator, once each. Cancelling again answers 200 and sends nothing. A
     *     placement that already ended otherwise is a 409.
     */
    post: operations['cancelPlacement'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/placements/{placementId}/purge': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description `pl_` and 26 base32 characters, derived from student, site and start date. */
        placementId: components['parameters']['PlacementId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Delete the student's documents and personal data for this placement
     * @description Stops a placement in flight, deletes its documents and links, redacts the placement (the
     *     student's name and email become `[purged]`, their id a one-way hash) and writes an audit
     *     record. Every later purge answers the same record and changes nothing. Keep personal data
     *     out of `reason`: it is stored verbatim.
     */
    post: operations['purgePlacement'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/placements/{placementId}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description `pl_` and 26 base32 characters, derived from student, site and start date. */
        placementId: components['parameters']['PlacementId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Run a FAILED placement again, in a new execution
     * @description The placement goes back to `CHECKING` in execution `<placementId>-retry-<n>`. Any other status
     *     is a 409 naming it. The route takes no body; one that is sent must still be JSON (else 400
     *     at `body`) and ≤ 64 KB.
     */
    post: operations['retryPlacement'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/placements/{placementId}/documents/{documentId}/verification': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description `pl_` and 26 base32 characters, derived from student, site and start date. */
        placementId: components['parameters']['PlacementId'];
        documentId: string;
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A staff verifier's decision on one SUBMITTED document
     * @description `verify` → the requirement `ACCEPTED` (`verification: staff`, `verifiedBy` the IAM caller,
     *     `verifiedAt`); `reject` → `REJECTED` with the reason's plain-language explanation and the note,
     *     and the student gets one email per reviewing sitting listing every item sent back. When the last
     *     item is verified, the workflow resumes, exactly once. A second decision on a document staff
     *     already decided is a 409 `ALREADY_DECIDED`; a finished placement or a document that is not
     *     `SUBMITTED` a 409 `CONFLICT`; a document of another placement a 404.
     */
    post: operations['decideDocumentVerification'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/verification-queue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The SUBMITTED documents waiting for a staff verifier, oldest first */
    get: operations['listVerificationQueue'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/portal/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The emailed link token (43 base64url characters); anything else is a 404. */
        token: components['parameters']['LinkToken'];
      };
      cookie?: never;
    };
    /**
     * The student's checklist and upload forms (HTML)
     * @description A finished placement's link shows a page saying how it ended (200).
     */
    get: operations['showPortal'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/portal/{token}/status': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The emailed link token (43 base64url characters); anything else is a 404. */
        token: components['parameters']['LinkToken'];
      };
      cookie?: never;
    };
    /** The placement's status and checklist, as the portal page polls it */
    get: operations['portalStatus'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/portal/{token}/uploads': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The emailed link token (43 base64url characters); anything else is a 404. */
        token: components['parameters']['LinkToken'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Ask to upload a document for one outstanding requirement
     * @description Answers an S3 presigned POST (valid 15 minutes, ≤ 10 MB, the declared content type): post a
     *     multipart form with the `fields`, then the `file`. The upload processor then checks the
     *     file's type and dates and marks the requirement `ACCEPTED` or `REJECTED` with a reason. A
     *     cross-site request is refused (403) before its body is read; a placement no longer
     *     collecting documents is a 409.
     */
    post: operations['requestUpload'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/review/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The emailed link token (43 base64url characters); anything else is a 404. */
        token: components['parameters']['LinkToken'];
      };
      cookie?: never;
    };
    /**
     * The student's packet and a decision form (HTML)
     * @description A GET never changes anything. A decided round shows who decided what and when.
     */
    get: operations['showReview'];
    put?: never;
    /**
     * Record the site administrator's decision
     * @description A form post (`application/x-www-form-urlencoded`, the page's own form; repeated
     *     `requirementCodes` fields for several items) gets HTML pages back; a request with
     *     `Accept: application/json` gets JSON. The first decision of a round wins; a later one is a
     *     409 ALREADY_DECIDED (a form gets the page showing the decision). A link of an earlier round
     *     that was not decided is a 410. A cross-site request is refused (403) before its body is read.
     */
    post: operations['decideReview'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/review/{token}/documents/{documentId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The emailed link token (43 base64url characters); anything else is a 404. */
        token: components['parameters']['LinkToken'];
        /** @description A document's id, as the placement's requirements name it. */
        documentId: components['parameters']['DocumentId'];
      };
      cookie?: never;
    };
    /**
     * Open one document of the packet (recorded as a disclosure)
     * @description Appends a `review-link` entry naming the link's administrator to the placement's
     *     `disclosures` (one per view, also a repeat), then redirects to a storage URL that works for
     *     60 seconds. The review page links only here: no storage URL is in any page.
     */
    get: operations['openReviewDocument'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/console': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The dashboard: counts by status, site and who each placement waits on; rotations starting soon; queue; times
     * @description Read from counters kept with each placement write (no scan). Every role. `Accept: application/json`
     *     answers the view model. Without a session a browser is sent (303) to sign in, JSON gets 401.
     */
    get: operations['consoleDashboard'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/console/auth/sign-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Start signing in: 303 to the OpenID Connect provider (PKCE), with a 10-minute sign-in cookie
     * @description `returnTo` (a console path) is where the callback goes after.
     */
    get: operations['consoleSignIn'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/console/auth/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The provider's callback: the code exchanged and the ID token verified, then 303 to returnTo with the session cookie
     * @description A callback this browser did not start (or after 10 minutes) is 401.
     */
    get: operations['consoleSignInCallback'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/console/auth/sign-out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign out: the session ends here, then 303 to the provider's sign-out (or /console/signed-out)
     * @description Needs the session's `_csrf`.
     */
    post: operations['consoleSignOut'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/console/signed-out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-out page (HTML, no session) */
    get: operations['consoleSignedOut'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/console/placements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Placements filtered by `status`, `siteId`, `program`, `startFrom`, `startTo`, searched by `q`, paged by `cursor`
     * @description A bad filter is 400 naming it (the page shows it at its field).
     */
    get: operations['consolePlacements'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/console/placements/{placementId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description `pl_` and 26 base32 characters, derived from student, site and start date. */
        placementId: components['parameters']['PlacementId'];
      };
      cookie?: never;
    };
    /** One placement: checklist, documents, history (with who did what), disclosures, actions for the role */
    get: operations['consolePlacement'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/console/placements/{placementId}/waivers': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description `pl_` and 26 base32 characters, derived from student, site and start date. */
        placementId: components['parameters']['PlacementId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Waive a requirement (`requirementCode`, `reason`) (coordinator)
     * @description Recorded with the staff member (`sub`, email) in the history → 303 to the placement with a message;
     *     refused → the page again with 400 naming the field or 409. Other roles: 403. JSON callers get the placement.
     */
    post: operations['consoleWaive'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/console/placements/{placementId}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description `pl_` and 26 base32 characters, derived from student, site and start date. */
        placementId: components['parameters']['PlacementId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel the placement (`reason` optional) (coordinator)
     * @description Recorded with the staff member (`sub`, email) in the history → 303 to the placement with a message;
     *     refused → the page again with 400 naming the field or 409. Other roles: 403. JSON callers get the placement.
     */
    post: operations['consoleCancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/console/placements/{placementId}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description `pl_` and 26 base32 characters, derived from student, site and start date. */
        placementId: components['parameters']['PlacementId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Retry a FAILED placement (coordinator)
     * @description Recorded with the staff member (`sub`, email) in the history → 303 to the placement with a message;
     *     refused → the page again with 400 naming the field or 409. Other roles: 403. JSON callers get the placement.
     */
    post: operations['consoleRetry'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/console/placements/{placementId}/purge': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description `pl_` and 26 base32 characters, derived from student, site and start date. */
        placementId: components['parameters']['PlacementId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Purge the student’s documents and personal data (`confirm=yes`, `reason` optional) (coordinator)
     * @description Recorded with the staff member (`sub`, email) in the history → 303 to the placement with a message;
     *     refused → the page again with 400 naming the field or 409. Other roles: 403. JSON callers get the placement.
     */
    post: operations['consolePurge'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/console/placements/{placementId}/resend-link': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description `pl_` and 26 base32 characters, derived from student, site and start date. */
        placementId: components['parameters']['PlacementId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Email the student a new portal link (coordinator)
     * @description Recorded with the staff member (`sub`, email) in the history → 303 to the placement with a message;
     *     refused → the page again with 400 naming the field or 409. Other roles: 403. JSON callers get the placement.
     */
    post: operations['consoleResendLink'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/console/sites': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The sites */
    get: operations['consoleSites'];
    put?: never;
    /**
     * Create a site from the form (coordinator)
     * @description Errors go back to the form's fields (400); a site id in use is 400 at `siteId`.
     */
    post: operations['consoleCreateSite'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/console/sites/new': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The new-site form (coordinator) */
    get: operations['consoleNewSite'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/console/sites/{siteId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        siteId: string;
      };
      cookie?: never;
    };
    /** One site (its edit form for a coordinator) */
    get: operations['consoleSite'];
    put?: never;
    /**
     * Save a site's form (coordinator)
     * @description Errors go back to the form's fields (400).
     */
    post: operations['consoleSaveSite'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/console/queue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The verification queue (reviewer, coordinator)
     * @description SUBMITTED documents oldest first, filtered by `siteId` and `requirementCode`, paged by `cursor`.
     *     A viewer gets 403 FORBIDDEN.
     */
    get: operations['consoleQueue'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/console/queue/{placementId}/{documentId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description `pl_` and 26 base32 characters, derived from student, site and start date. */
        placementId: components['parameters']['PlacementId'];
        /** @description A document's id, as the placement's requirements name it. */
        documentId: components['parameters']['DocumentId'];
      };
      cookie?: never;
    };
    /**
     * One queue document with the student's dates, the rule and the decision form
     * @description A document decided meanwhile redirects (303) to the next one waiting.
     */
    get: operations['consoleQueueItem'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/console/placements/{placementId}/documents/{documentId}/verification': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description `pl_` and 26 base32 characters, derived from student, site and start date. */
        placementId: components['parameters']['PlacementId'];
        /** @description A document's id, as the placement's requirements name it. */
        documentId: components['parameters']['DocumentId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Verify or send back a document (reviewer, coordinator)
     * @description The form of the item page: `decision`, `reasonCode`, `note`, `issuedOn`, `expiresOn`, `next`.
     *     Recorded → 303 to the form's `next` queue item (never the list); refused → the item page again
     *     with 400 naming the field or 409 ALREADY_DECIDED / CONFLICT. JSON callers get the placement.
     */
    post: operations['consoleDecideDocument'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/console/placements/{placementId}/documents/{documentId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description `pl_` and 26 base32 characters, derived from student, site and start date. */
        placementId: components['parameters']['PlacementId'];
        /** @description A document's id, as the placement's requirements name it. */
        documentId: components['parameters']['DocumentId'];
      };
      cookie?: never;
    };
    /**
     * Open a student's document (recorded as a disclosure)
     * @description Appends a `console` entry naming the staff member to the placement's `disclosures`, then
     *     redirects to a storage URL that works for 60 seconds. Every role may read.
     */
    get: operations['consoleOpenDocument'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/console/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The CSV import form (coordinator)
     * @description Reviewers and viewers get 403 FORBIDDEN.
     */
    get: operations['consoleImportForm'];
    put?: never;
    /**
     * Check a CSV and store it when every row is good
     * @description A file (multipart) or pasted text. Any bad row → 400 with every bad row by number, nothing
     *     stored or created; a file that cannot be read → 400 at `file`; clean → 303 to its confirmation.
     */
    post: operations['consoleImportCheck'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/console/import/{importId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        importId: string;
      };
      cookie?: never;
    };
    /**
     * An import's confirmation, then its progress
     * @description Before the first chunk: the count to create. After: a progress bar with the counts, a Continue
     *     button, and a summary when done.
     */
    get: operations['consoleImportProgress'];
    put?: never;
    /**
     * Create the import's next 25 rows
     * @description Idempotent: a row already created is counted as already existing; two runs at once count the
     *     chunk once. → 303 to the progress page.
     */
    post: operations['consoleImportRun'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/console/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Reports (every role)
     * @description Counts by status, days to clearance and hours to verification per site and program, items
     *     sent back by reason code, evidence lapsing within 30 days of a running rotation.
     */
    get: operations['consoleReports'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** @enum {string} */
    RequirementCode:
      | 'MMR'
      | 'VARICELLA'
      | 'HEPATITIS_B'
      | 'TDAP'
      | 'TB'
      | 'INFLUENZA'
      | 'COVID19'
      | 'BLS'
      | 'BACKGROUND_CHECK'
      | 'DRUG_SCREEN'
      | 'HIPAA_TRAINING'
      | 'PHYSICAL_EXAM'
      | 'LIABILITY_INSURANCE'
      | 'HEALTH_INSURANCE';
    /** @enum {string} */
    PlacementStatus:
      | 'CHECKING'
      | 'AWAITING_DOCUMENTS'
      | 'AWAITING_SITE_APPROVAL'
      | 'CLEARED'
      | 'DECLINED'
      | 'EXPIRED'
      | 'CANCELLED'
      | 'FAILED';
    /**
     * @description `SUBMITTED`: the file passed its checks and waits for a staff verifier (sites with `verification: staff`).
     * @enum {string}
     */
    RequirementStatus: 'MISSING' | 'SUBMITTED' | 'ACCEPTED' | 'REJECTED' | 'WAIVED';
    /**
     * @description `staff`: a person at the school checks each document; `automatic`: the file checks alone (file type and dates).
     * @enum {string}
     */
    VerificationMode: 'staff' | 'automatic';
    /** @enum {string} */
    RejectionReasonCode:
      | 'ILLEGIBLE'
      | 'WRONG_DOCUMENT'
      | 'NAME_MISMATCH'
      | 'DATES_DO_NOT_MATCH'
      | 'INCOMPLETE'
      | 'NOT_SIGNED'
      | 'EXPIRED'
      | 'OTHER';
    /**
     * Format: date
     * @description A calendar date, `YYYY-MM-DD` (1900–2199).
     */
    CalendarDate: string;
    /**
     * Format: date-time
     * @description An ISO-8601 instant (UTC).
     */
    Instant: string;
    /** Format: email */
    Email: string;
    /** @description A name, id or program; trimmed, at most 200 characters, no control characters. */
    ShortText: string;
    /** @description Free text, at most 2,000 characters; line breaks allowed. */
    Reason: string;
    /** @description A catalogue code, or a code with the site's own validity window (`months` for month rules, `years` for TDAP). */
    SiteRequirement:
      | components['schemas']['RequirementCode']
      | {
          code: components['schemas']['RequirementCode'];
          months?: number;
          years?: number;
        };
    SiteInput: {
      name: components['schemas']['ShortText'];
      adminEmails: components['schemas']['Email'][];
      requirements: components['schemas']['SiteRequirement'][];
      /** @default 14 */
      documentsDueDays: number;
      /** @default 72 */
      reminderIntervalHours: number;
      /** @default 48 */
      siteReminderIntervalHours: number;
      /** @default staff */
      verification: components['schemas']['VerificationMode'];
    };
    Site: {
      siteId: string;
      name: string;
      adminEmails: string[];
      requirements: components['schemas']['SiteRequirement'][];
      documentsDueDays: number;
      reminderIntervalHours: number;
      siteReminderIntervalHours: number;
      verification?: components['schemas']['VerificationMode'];
      createdAt: components['schemas']['Instant'];
      updatedAt: components['schemas']['Instant'];
    };
    StudentInput: {
      id: components['schemas']['ShortText'];
      name: components['schemas']['ShortText'];
      email: components['schemas']['Email'];
    };
    PlacementInput: {
      student: components['schemas']['StudentInput'];
      siteId: components['schemas']['ShortText'];
      program: components['schemas']['ShortText'];
      startDate: components['schemas']['CalendarDate'];
      /** @description On or after `startDate`. */
      endDate: components['schemas']['CalendarDate'];
      coordinatorEmail: components['schemas']['Email'];
    };
    /** @description After a purge, `name` and `email` are `[purged]` and `id` a one-way hash. */
    Student: {
      id: string;
      name: string;
      email: string;
    };
    Requirement: {
      code: components['schemas']['RequirementCode'];
      /** @description The catalogue's plain-language name. */
      title: string;
      status: components['schemas']['RequirementStatus'];
      /** @description Why it was rejected (a reason the student can act on) or waived. */
      reason?: string;
      /** @description The document that satisfied or was judged for it. */
      documentId?: string;
      submittedAt?: components['schemas']['Instant'];
      /** @description On every `ACCEPTED` requirement; who (or what) checked the document. */
      verification?: components['schemas']['VerificationMode'];
      /** @description Staff-verified only, the verifier's email or IAM caller. */
      verifiedBy?: string;
      verifiedAt?: components['schemas']['Instant'];
    };
    HistoryEntry: {
      at: components['schemas']['Instant'];
      /** @description `CREATED`, `COMPLIANCE_CHECKED`, `DOCUMENTS_REQUESTED`, `DOCUMENT_ACCEPTED`, `SITE_APPROVED`, `CANCELLED`, `PURGED`, …; accept types you do not know. */
      type: string;
      detail?: string;
    };
    SiteDecision: {
      /** @enum {string} */
      decision: 'approve' | 'decline' | 'request-changes';
      /** @description The site administrator whose link decided. */
      by: string;
      at: components['schemas']['Instant'];
      reason?: string;
    };
    Placement: {
      placementId: string;
      status: components['schemas']['PlacementStatus'];
      student: components['schemas']['Student'];
      siteId: string;
      program: string;
      startDate: components['schemas']['CalendarDate'];
      endDate: components['schemas']['CalendarDate'];
      documentsDueDate: components['schemas']['CalendarDate'];
      coordinatorEmail: string;
      requirements: components['schemas']['Requirement'][];
      history: components['schemas']['HistoryEntry'][];
      createdAt: components['schemas']['Instant'];
      updatedAt: components['schemas']['Instant'];
      decision?: components['schemas']['SiteDecision'];
      /** @description Why a `FAILED` placement failed (the error's name only). */
      failure?: {
        error: string;
      };
      /**
       * @description Who the placement waits on; absent when finished.
       * @enum {string}
       */
      waitingOn?: 'student' | 'school' | 'site';
      /** @description Every view of the student's documents (the disclosure log), oldest first; absent until the first. */
      disclosures?: components['schemas']['Disclosure'][];
    };
    Disclosure: {
      at: components['schemas']['Instant'];
      /** @description The staff member's or site administrator's email. */
      by: string;
      requirementCode: components['schemas']['RequirementCode'];
      documentId: string;
      /** @enum {string} */
      via: 'console' | 'review-link';
    };
    PlacementPage: {
      items: components['schemas']['Placement'][];
      /** @description Present when there may be more; pass it as `cursor` for the next page. */
      cursor?: string;
    };
    /**
     * @description `reasonCode` is required to reject (`OTHER` also requires `note`) and refused with `verify`;
     *     corrected dates (verify only) are judged by the requirement's rule.
     */
    VerificationDecisionInput: {
      /** @enum {string} */
      decision: 'verify' | 'reject';
      reasonCode?: components['schemas']['RejectionReasonCode'];
      note?: components['schemas']['Reason'];
      issuedOn?: components['schemas']['CalendarDate'];
      expiresOn?: components['schemas']['CalendarDate'];
    };
    VerificationQueueItem: {
      placementId: string;
      documentId: string;
      requirementCode: components['schemas']['RequirementCode'];
      student: components['schemas']['Student'];
      siteId: string;
      startDate: components['schemas']['CalendarDate'];
      submittedAt: components['schemas']['Instant'];
      issuedOn?: components['schemas']['CalendarDate'];
      expiresOn?: components['schemas']['CalendarDate'];
    };
    VerificationQueuePage: {
      items: components['schemas']['VerificationQueueItem'][];
      /** @description Present when there may be more; pass it as `cursor` for the next page. */
      cursor?: string;
    };
    WaiverInput: {
      requirementCode: components['schemas']['RequirementCode'];
      reason: components['schemas']['Reason'];
    };
    OptionalReasonInput: {
      reason?: components['schemas']['Reason'];
    };
    PurgeRecord: {
      placementId: string;
      purgedAt: components['schemas']['Instant'];
      documentsDeleted: number;
      reason?: string;
      /** @description The IAM caller (its ARN), or the local API gateway's stand-in caller. */
      requestedBy?: string;
    };
    PurgeResult: {
      placement: components['schemas']['Placement'];
      purge: components['schemas']['PurgeRecord'];
    };
    PortalStatus: {
      placementId: string;
      status: components['schemas']['PlacementStatus'];
      requirements: components['schemas']['Requirement'][];
    };
    /** @description The date the requirement's rule reads (`issuedOn` or `expiresOn`) is required; the code must be outstanding. */
    UploadRequestInput: {
      requirementCode: components['schemas']['RequirementCode'];
      /** @description A file name without a folder (`/` or `\`). */
      fileName: components['schemas']['ShortText'];
      /** @enum {string} */
      contentType: 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/heic';
      size: number;
      issuedOn?: components['schemas']['CalendarDate'];
      expiresOn?: components['schemas']['CalendarDate'];
    };
    UploadGrant: {
      documentId: string;
      /** @description An S3 presigned POST; post a multipart form with the fields, then `file`. */
      upload: {
        /** Format: uri */
        url: string;
        fields: {
          [key: string]: string;
        };
      };
    };
    /** @description `reason` is required to decline or request changes; `requirementCodes` (at least one of the placement's) to request changes. */
    DecisionInput: {
      /** @enum {string} */
      decision: 'approve' | 'decline' | 'request-changes';
      reason?: components['schemas']['Reason'];
      requirementCodes?: components['schemas']['RequirementCode'][];
    };
    /** @description The review page's form; one ticked checkbox sends `requirementCodes` once. */
    DecisionForm: {
      /** @enum {string} */
      decision: 'approve' | 'decline' | 'request-changes';
      reason?: components['schemas']['Reason'];
      requirementCodes?:
        | components['schemas']['RequirementCode']
        | components['schemas']['RequirementCode'][];
    };
    /** @description A console form as posted; `_csrf` is the session's forgery-protection token. */
    ConsoleForm: {
      _csrf: string;
    } & {
      [key: string]: string;
    };
    /** @description A server-rendered HTML document. */
    HtmlPage: string;
    FieldIssue: {
      /** @description The field, as a dotted path into the request (`student.email`, `requirements[2].code`, `body`). */
      path: string;
      message: string;
    };
    /** @enum {string} */
    ErrorCode:
      | 'VALIDATION_FAILED'
      | 'UNAUTHORIZED'
      | 'FORBIDDEN'
      | 'NOT_FOUND'
      | 'ALREADY_DECIDED'
      | 'CONFLICT'
      | 'LINK_EXPIRED'
      | 'PAYLOAD_TOO_LARGE'
      | 'SERVICE_UNAVAILABLE'
      | 'INTERNAL_ERROR';
    Error: {
      error: {
        code: components['schemas']['ErrorCode'];
        /** @description Safe to show to a person. */
        message: string;
        details?: components['schemas']['FieldIssue'][];
      };
    };
    ValidationFailedError: components['schemas']['Error'];
    ForbiddenError: components['schemas']['Error'];
    NotFoundError: components['schemas']['Error'];
    ConflictError: components['schemas']['Error'];
    DecisionConflictError: components['schemas']['Error'];
    LinkExpiredError: components['schemas']['Error'];
    PayloadTooLargeError: components['schemas']['Error'];
    ServiceUnavailableError: components['schemas']['Error'];
    InternalError: components['schemas']['Error'];
    /** @description API Gateway's own answer (`{"message": "Forbidden"}`), not the API's error shape. */
    GatewayMessage: {
      message: string;
    };
  };
  responses: {
    /** @description A console page (HTML), or its view model as JSON with `Accept: application/json`. */
    ConsolePage: {
      headers: {
        'Cache-Control': components['headers']['CacheControl'];
        'Referrer-Policy': components['headers']['ReferrerPolicy'];
        [name: string]: unknown;
      };
      content: {
        'text/html': components['schemas']['HtmlPage'];
        'application/json': Record<string, never>;
      };
    };
    /** @description Done; `Location` is the next console page (a flash message cookie says what happened). */
    ConsoleRedirect: {
      headers: {
        Location?: string;
        'Cache-Control': components['headers']['CacheControl'];
        'Referrer-Policy': components['headers']['ReferrerPolicy'];
        [name: string]: unknown;
      };
      content?: never;
    };
    /** @description Refused; a page (HTML) shows why, a JSON caller gets the error with its code. */
    ConsoleRefused: {
      headers: {
        'Cache-Control': components['headers']['CacheControl'];
        'Referrer-Policy': components['headers']['ReferrerPolicy'];
        [name: string]: unknown;
      };
      content: {
        'text/html': components['schemas']['HtmlPage'];
        'application/json': components['schemas']['Error'];
      };
    };
    /**
     * @description The view was recorded and `Location` is a storage URL valid for 60 seconds; or, for a browser
     *     without a session, `Location` is the console's sign-in page (a path, with `returnTo`).
     */
    ConsoleDocumentRedirect: {
      headers: {
        Location?: string;
        'Cache-Control': components['headers']['CacheControl'];
        'Referrer-Policy': components['headers']['ReferrerPolicy'];
        [name: string]: unknown;
      };
      content?: never;
    };
    /** @description The view was recorded; `Location` is a storage URL valid for 60 seconds. */
    DocumentRedirect: {
      headers: {
        Location?: string;
        'Cache-Control': components['headers']['CacheControl'];
        'Referrer-Policy': components['headers']['ReferrerPolicy'];
        [name: string]: unknown;
      };
      content?: never;
    };
    /** @description The placement. */
    PlacementAnswer: {
      headers: {
        'Cache-Control': components['headers']['CacheControl'];
        'Referrer-Policy': components['headers']['ReferrerPolicy'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Placement'];
      };
    };
    /** @description An HTML page (strict CSP, `Cache-Control: no-store`, `Referrer-Policy: no-referrer`). */
    Page: {
      headers: {
        'Cache-Control': components['headers']['CacheControl'];
        'Referrer-Policy': components['headers']['ReferrerPolicy'];
        'Content-Security-Policy': components['headers']['ContentSecurityPolicy'];
        [name: string]: unknown;
      };
      content: {
        'text/html': components['schemas']['HtmlPage'];
      };
    };
    /** @description No such link (or its student's data was purged); an HTML page saying so. */
    NotFoundPage: {
      headers: {
        'Cache-Control': components['headers']['CacheControl'];
        'Referrer-Policy': components['headers']['ReferrerPolicy'];
        'Content-Security-Policy': components['headers']['ContentSecurityPolicy'];
        [name: string]: unknown;
      };
      content: {
        'text/html': components['schemas']['HtmlPage'];
      };
    };
    /** @description The link expired (or a newer one replaced it); an HTML page saying what to do. */
    LinkExpiredPage: {
      headers: {
        'Cache-Control': components['headers']['CacheControl'];
        'Referrer-Policy': components['headers']['ReferrerPolicy'];
        'Content-Security-Policy': components['headers']['ContentSecurityPolicy'];
        [name: string]: unknown;
      };
      content: {
        'text/html': components['schemas']['HtmlPage'];
      };
    };
    /** @description A passing condition; an HTML page asking to try again in a moment. */
    TryAgainPage: {
      headers: {
        'Retry-After': components['headers']['RetryAfter'];
        'Cache-Control': components['headers']['CacheControl'];
        'Referrer-Policy': components['headers']['ReferrerPolicy'];
        'Content-Security-Policy': components['headers']['ContentSecurityPolicy'];
        [name: string]: unknown;
      };
      content: {
        'text/html': components['schemas']['HtmlPage'];
      };
    };
    /** @description The request is not valid; `details[].path` names each bad field. */
    ValidationFailed: {
      headers: {
        'Cache-Control': components['headers']['CacheControl'];
        'Referrer-Policy': components['headers']['ReferrerPolicy'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ValidationFailedError'];
      };
    };
    /** @description Sent from another website (`Sec-Fetch-Site` or `Origin`); nothing changed. */
    Forbidden: {
      headers: {
        'Cache-Control': components['headers']['CacheControl'];
        'Referrer-Policy': components['headers']['ReferrerPolicy'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ForbiddenError'];
      };
    };
    /** @description API Gateway refused a request without a valid SigV4 signature or IAM permission (on AWS only). Its own body, not the API's error shape. */
    NotSigned: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['GatewayMessage'];
      };
    };
    /** @description No such site, placement or link. */
    NotFound: {
      headers: {
        'Cache-Control': components['headers']['CacheControl'];
        'Referrer-Policy': components['headers']['ReferrerPolicy'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['NotFoundError'];
      };
    };
    /** @description The placement's state does not allow it; the message says which state. */
    Conflict: {
      headers: {
        'Cache-Control': components['headers']['CacheControl'];
        'Referrer-Policy': components['headers']['ReferrerPolicy'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ConflictError'];
      };
    };
    /** @description `ALREADY_DECIDED`: staff already decided this document; `CONFLICT`: the placement is finished or the document is not `SUBMITTED`. */
    DocumentDecisionConflict: {
      headers: {
        'Cache-Control': components['headers']['CacheControl'];
        'Referrer-Policy': components['headers']['ReferrerPolicy'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['DecisionConflictError'];
      };
    };
    /** @description The link expired, or a newer one replaced it. */
    LinkExpired: {
      headers: {
        'Cache-Control': components['headers']['CacheControl'];
        'Referrer-Policy': components['headers']['ReferrerPolicy'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['LinkExpiredError'];
      };
    };
    /** @description The request body is larger than 64 KB. */
    PayloadTooLarge: {
      headers: {
        'Cache-Control': components['headers']['CacheControl'];
        'Referrer-Policy': components['headers']['ReferrerPolicy'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['PayloadTooLargeError'];
      };
    };
    /** @description A passing condition (a throttled dependency, or an earlier request for the placement still sending its email); repeat after `Retry-After` seconds. */
    ServiceUnavailable: {
      headers: {
        'Retry-After': components['headers']['RetryAfter'];
        'Cache-Control': components['headers']['CacheControl'];
        'Referrer-Policy': components['headers']['ReferrerPolicy'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ServiceUnavailableError'];
      };
    };
    /** @description Something unexpected; the message says nothing internal. */
    InternalError: {
      headers: {
        'Cache-Control': components['headers']['CacheControl'];
        'Referrer-Policy': components['headers']['ReferrerPolicy'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['InternalError'];
      };
    };
  };
  parameters: {
    /** @description The school's own site id; at most 200 characters, no `/` or `#`. */
    SiteId: string;
    /** @description `pl_` and 26 base32 characters, derived from student, site and start date. */
    PlacementId: string;
    /** @description A document's id, as the placement's requirements name it. */
    DocumentId: string;
    /** @description The emailed link token (43 base64url characters); anything else is a 404. */
    LinkToken: string;
  };
  requestBodies: never;
  headers: {
    /** @description Answers are never cached (they hold personal data, or act on a link). */
    CacheControl: 'no-store';
    /** @description No page or answer leaks its URL (a link token is a credential) to another site. */
    ReferrerPolicy: 'no-referrer';
    /** @description A strict policy: nothing by default, scripts and styles only by SHA-256 hash, no framing. */
    ContentSecurityPolicy: string & (unknown & unknown & unknown);
    /** @description Seconds to wait before repeating the request (30 while an earlier request's email is being sent, 2 for a throttled dependency). */
    RetryAfter: string;
  };
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getSite: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The school's own site id; at most 200 characters, no `/` or `#`. */
        siteId: components['parameters']['SiteId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The site. */
      200: {
        headers: {
          'Cache-Control': components['headers']['CacheControl'];
          'Referrer-Policy': components['headers']['ReferrerPolicy'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Site'];
        };
      };
      403: components['responses']['NotSigned'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  putSite: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The school's own site id; at most 200 characters, no `/` or `#`. */
        siteId: components['parameters']['SiteId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SiteInput'];
      };
    };
    responses: {
      /** @description The site as stored. */
      200: {
        headers: {
          'Cache-Control': components['headers']['CacheControl'];
          'Referrer-Policy': components['headers']['ReferrerPolicy'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Site'];
        };
      };
      400: components['responses']['ValidationFailed'];
      403: components['responses']['NotSigned'];
      413: components['responses']['PayloadTooLarge'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  listPlacements: {
    parameters: {
      query?: {
        siteId?: string;
        status?: components['schemas']['PlacementStatus'];
        /** @description Items per page, 1 to 100. */
        limit?: number;
        /** @description The `cursor` of the previous page (opaque). */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page; `cursor` is present when there may be more. */
      200: {
        headers: {
          'Cache-Control': components['headers']['CacheControl'];
          'Referrer-Policy': components['headers']['ReferrerPolicy'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlacementPage'];
        };
      };
      400: components['responses']['ValidationFailed'];
      403: components['responses']['NotSigned'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  createPlacement: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PlacementInput'];
      };
    };
    responses: {
      /** @description The placement already existed (same student, site and start date). */
      200: {
        headers: {
          'Cache-Control': components['headers']['CacheControl'];
          'Referrer-Policy': components['headers']['ReferrerPolicy'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Placement'];
        };
      };
      /** @description The placement was created; its requirements are `MISSING` until checked. */
      201: {
        headers: {
          'Cache-Control': components['headers']['CacheControl'];
          'Referrer-Policy': components['headers']['ReferrerPolicy'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Placement'];
        };
      };
      400: components['responses']['ValidationFailed'];
      403: components['responses']['NotSigned'];
      413: components['responses']['PayloadTooLarge'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  getPlacement: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description `pl_` and 26 base32 characters, derived from student, site and start date. */
        placementId: components['parameters']['PlacementId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: components['responses']['PlacementAnswer'];
      403: components['responses']['NotSigned'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  waiveRequirement: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description `pl_` and 26 base32 characters, derived from student, site and start date. */
        placementId: components['parameters']['PlacementId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WaiverInput'];
      };
    };
    responses: {
      200: components['responses']['PlacementAnswer'];
      400: components['responses']['ValidationFailed'];
      403: components['responses']['NotSigned'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  cancelPlacement: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description `pl_` and 26 base32 characters, derived from student, site and start date. */
        placementId: components['parameters']['PlacementId'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['OptionalReasonInput'];
      };
    };
    responses: {
      200: components['responses']['PlacementAnswer'];
      400: components['responses']['ValidationFailed'];
      403: components['responses']['NotSigned'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  purgePlacement: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description `pl_` and 26 base32 characters, derived from student, site and start date. */
        placementId: components['parameters']['PlacementId'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['OptionalReasonInput'];
      };
    };
    responses: {
      /** @description The redacted placement and the audit record. */
      200: {
        headers: {
          'Cache-Control': components['headers']['CacheControl'];
          'Referrer-Policy': components['headers']['ReferrerPolicy'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PurgeResult'];
        };
      };
      400: components['responses']['ValidationFailed'];
      403: components['responses']['NotSigned'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  retryPlacement: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description `pl_` and 26 base32 characters, derived from student, site and start date. */
        placementId: components['parameters']['PlacementId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: components['responses']['PlacementAnswer'];
      400: components['responses']['ValidationFailed'];
      403: components['responses']['NotSigned'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  decideDocumentVerification: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description `pl_` and 26 base32 characters, derived from student, site and start date. */
        placementId: components['parameters']['PlacementId'];
        documentId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['VerificationDecisionInput'];
      };
    };
    responses: {
      200: components['responses']['PlacementAnswer'];
      400: components['responses']['ValidationFailed'];
      403: components['responses']['NotSigned'];
      404: components['responses']['NotFound'];
      409: components['responses']['DocumentDecisionConflict'];
      413: components['responses']['PayloadTooLarge'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  listVerificationQueue: {
    parameters: {
      query?: {
        siteId?: string;
        requirementCode?: components['schemas']['RequirementCode'];
        /** @description Items per page, 1 to 100. */
        limit?: number;
        /** @description The `cursor` of the previous page (opaque). */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page; `cursor` is present when there may be more. */
      200: {
        headers: {
          'Cache-Control': components['headers']['CacheControl'];
          'Referrer-Policy': components['headers']['ReferrerPolicy'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VerificationQueuePage'];
        };
      };
      400: components['responses']['ValidationFailed'];
      403: components['responses']['NotSigned'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  showPortal: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The emailed link token (43 base64url characters); anything else is a 404. */
        token: components['parameters']['LinkToken'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: components['responses']['Page'];
      404: components['responses']['NotFoundPage'];
      410: components['responses']['LinkExpiredPage'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  portalStatus: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The emailed link token (43 base64url characters); anything else is a 404. */
        token: components['parameters']['LinkToken'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The placement's status and requirements. */
      200: {
        headers: {
          'Cache-Control': components['headers']['CacheControl'];
          'Referrer-Policy': components['headers']['ReferrerPolicy'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PortalStatus'];
        };
      };
      404: components['responses']['NotFound'];
      410: components['responses']['LinkExpired'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  requestUpload: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The emailed link token (43 base64url characters); anything else is a 404. */
        token: components['parameters']['LinkToken'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UploadRequestInput'];
      };
    };
    responses: {
      /** @description Where and how to post the file. */
      201: {
        headers: {
          'Cache-Control': components['headers']['CacheControl'];
          'Referrer-Policy': components['headers']['ReferrerPolicy'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UploadGrant'];
        };
      };
      400: components['responses']['ValidationFailed'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      410: components['responses']['LinkExpired'];
      413: components['responses']['PayloadTooLarge'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  showReview: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The emailed link token (43 base64url characters); anything else is a 404. */
        token: components['parameters']['LinkToken'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: components['responses']['Page'];
      404: components['responses']['NotFoundPage'];
      410: components['responses']['LinkExpiredPage'];
      500: components['responses']['InternalError'];
      503: components['responses']['TryAgainPage'];
    };
  };
  decideReview: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The emailed link token (43 base64url characters); anything else is a 404. */
        token: components['parameters']['LinkToken'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DecisionInput'];
        'application/x-www-form-urlencoded': components['schemas']['DecisionForm'];
      };
    };
    responses: {
      /** @description The decision was recorded. JSON (with `Accept: application/json`) is the placement; HTML is a confirmation page. */
      200: {
        headers: {
          'Cache-Control': components['headers']['CacheControl'];
          'Referrer-Policy': components['headers']['ReferrerPolicy'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Placement'];
          'text/html': components['schemas']['HtmlPage'];
        };
      };
      /** @description The decision is not valid; a form gets the page again with each problem next to its field. */
      400: {
        headers: {
          'Cache-Control': components['headers']['CacheControl'];
          'Referrer-Policy': components['headers']['ReferrerPolicy'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ValidationFailedError'];
          'text/html': components['schemas']['HtmlPage'];
        };
      };
      /** @description Sent from another website; nothing changed. */
      403: {
        headers: {
          'Cache-Control': components['headers']['CacheControl'];
          'Referrer-Policy': components['headers']['ReferrerPolicy'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ForbiddenError'];
          'text/html': components['schemas']['HtmlPage'];
        };
      };
      /** @description No such link. */
      404: {
        headers: {
          'Cache-Control': components['headers']['CacheControl'];
          'Referrer-Policy': components['headers']['ReferrerPolicy'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotFoundError'];
          'text/html': components['schemas']['HtmlPage'];
        };
      };
      /** @description A decision was already made (ALREADY_DECIDED), or the placement is not waiting for one (CONFLICT). */
      409: {
        headers: {
          'Cache-Control': components['headers']['CacheControl'];
          'Referrer-Policy': components['headers']['ReferrerPolicy'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DecisionConflictError'];
          'text/html': components['schemas']['HtmlPage'];
        };
      };
      /** @description The link expired, or a newer round's link replaced it. */
      410: {
        headers: {
          'Cache-Control': components['headers']['CacheControl'];
          'Referrer-Policy': components['headers']['ReferrerPolicy'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LinkExpiredError'];
          'text/html': components['schemas']['HtmlPage'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      500: components['responses']['InternalError'];
      /** @description A passing condition; repeat after `Retry-After` seconds. A form gets a "try again" page. */
      503: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          'Cache-Control': components['headers']['CacheControl'];
          'Referrer-Policy': components['headers']['ReferrerPolicy'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServiceUnavailableError'];
          'text/html': components['schemas']['HtmlPage'];
        };
      };
    };
  };
  openReviewDocument: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The emailed link token (43 base64url characters); anything else is a 404. */
        token: components['parameters']['LinkToken'];
        /** @description A document's id, as the placement's requirements name it. */
        documentId: components['parameters']['DocumentId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      303: components['responses']['DocumentRedirect'];
      404: components['responses']['NotFoundPage'];
      410: components['responses']['LinkExpiredPage'];
      500: components['responses']['InternalError'];
      503: components['responses']['TryAgainPage'];
    };
  };
  consoleDashboard: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: components['responses']['ConsolePage'];
      303: components['responses']['ConsoleRedirect'];
      401: components['responses']['ConsoleRefused'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  consoleSignIn: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      303: components['responses']['ConsoleRedirect'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  consoleSignInCallback: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      303: components['responses']['ConsoleRedirect'];
      401: components['responses']['ConsoleRefused'];
      403: components['responses']['ConsoleRefused'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  consoleSignOut: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/x-www-form-urlencoded': components['schemas']['ConsoleForm'];
      };
    };
    responses: {
      303: components['responses']['ConsoleRedirect'];
      401: components['responses']['ConsoleRefused'];
      403: components['responses']['ConsoleRefused'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  consoleSignedOut: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: components['responses']['ConsolePage'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  consolePlacements: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: components['responses']['ConsolePage'];
      303: components['responses']['ConsoleRedirect'];
      400: components['responses']['ConsoleRefused'];
      401: components['responses']['ConsoleRefused'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  consolePlacement: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description `pl_` and 26 base32 characters, derived from student, site and start date. */
        placementId: components['parameters']['PlacementId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: components['responses']['ConsolePage'];
      303: components['responses']['ConsoleRedirect'];
      401: components['responses']['ConsoleRefused'];
      404: components['responses']['ConsoleRefused'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  consoleWaive: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description `pl_` and 26 base32 characters, derived from student, site and start date. */
        placementId: components['parameters']['PlacementId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/x-www-form-urlencoded': components['schemas']['ConsoleForm'];
      };
    };
    responses: {
      200: components['responses']['ConsolePage'];
      303: components['responses']['ConsoleRedirect'];
      400: components['responses']['ConsoleRefused'];
      401: components['responses']['ConsoleRefused'];
      403: components['responses']['ConsoleRefused'];
      404: components['responses']['ConsoleRefused'];
      409: components['responses']['ConsoleRefused'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  consoleCancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description `pl_` and 26 base32 characters, derived from student, site and start date. */
        placementId: components['parameters']['PlacementId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/x-www-form-urlencoded': components['schemas']['ConsoleForm'];
      };
    };
    responses: {
      200: components['responses']['ConsolePage'];
      303: components['responses']['ConsoleRedirect'];
      400: components['responses']['ConsoleRefused'];
      401: components['responses']['ConsoleRefused'];
      403: components['responses']['ConsoleRefused'];
      404: components['responses']['ConsoleRefused'];
      409: components['responses']['ConsoleRefused'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  consoleRetry: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description `pl_` and 26 base32 characters, derived from student, site and start date. */
        placementId: components['parameters']['PlacementId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/x-www-form-urlencoded': components['schemas']['ConsoleForm'];
      };
    };
    responses: {
      200: components['responses']['ConsolePage'];
      303: components['responses']['ConsoleRedirect'];
      400: components['responses']['ConsoleRefused'];
      401: components['responses']['ConsoleRefused'];
      403: components['responses']['ConsoleRefused'];
      404: components['responses']['ConsoleRefused'];
      409: components['responses']['ConsoleRefused'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  consolePurge: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description `pl_` and 26 base32 characters, derived from student, site and start date. */
        placementId: components['parameters']['PlacementId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/x-www-form-urlencoded': components['schemas']['ConsoleForm'];
      };
    };
    responses: {
      200: components['responses']['ConsolePage'];
      303: components['responses']['ConsoleRedirect'];
      400: components['responses']['ConsoleRefused'];
      401: components['responses']['ConsoleRefused'];
      403: components['responses']['ConsoleRefused'];
      404: components['responses']['ConsoleRefused'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  consoleResendLink: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description `pl_` and 26 base32 characters, derived from student, site and start date. */
        placementId: components['parameters']['PlacementId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/x-www-form-urlencoded': components['schemas']['ConsoleForm'];
      };
    };
    responses: {
      200: components['responses']['ConsolePage'];
      303: components['responses']['ConsoleRedirect'];
      400: components['responses']['ConsoleRefused'];
      401: components['responses']['ConsoleRefused'];
      403: components['responses']['ConsoleRefused'];
      404: components['responses']['ConsoleRefused'];
      409: components['responses']['ConsoleRefused'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  consoleSites: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: components['responses']['ConsolePage'];
      303: components['responses']['ConsoleRedirect'];
      401: components['responses']['ConsoleRefused'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  consoleCreateSite: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/x-www-form-urlencoded': components['schemas']['ConsoleForm'];
      };
    };
    responses: {
      200: components['responses']['ConsolePage'];
      303: components['responses']['ConsoleRedirect'];
      400: components['responses']['ConsoleRefused'];
      401: components['responses']['ConsoleRefused'];
      403: components['responses']['ConsoleRefused'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  consoleNewSite: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: components['responses']['ConsolePage'];
      303: components['responses']['ConsoleRedirect'];
      401: components['responses']['ConsoleRefused'];
      403: components['responses']['ConsoleRefused'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  consoleSite: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        siteId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: components['responses']['ConsolePage'];
      303: components['responses']['ConsoleRedirect'];
      401: components['responses']['ConsoleRefused'];
      404: components['responses']['ConsoleRefused'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  consoleSaveSite: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        siteId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/x-www-form-urlencoded': components['schemas']['ConsoleForm'];
      };
    };
    responses: {
      200: components['responses']['ConsolePage'];
      303: components['responses']['ConsoleRedirect'];
      400: components['responses']['ConsoleRefused'];
      401: components['responses']['ConsoleRefused'];
      403: components['responses']['ConsoleRefused'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  consoleQueue: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: components['responses']['ConsolePage'];
      303: components['responses']['ConsoleRedirect'];
      400: components['responses']['ConsoleRefused'];
      401: components['responses']['ConsoleRefused'];
      403: components['responses']['ConsoleRefused'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  consoleQueueItem: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description `pl_` and 26 base32 characters, derived from student, site and start date. */
        placementId: components['parameters']['PlacementId'];
        /** @description A document's id, as the placement's requirements name it. */
        documentId: components['parameters']['DocumentId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: components['responses']['ConsolePage'];
      303: components['responses']['ConsoleRedirect'];
      401: components['responses']['ConsoleRefused'];
      403: components['responses']['ConsoleRefused'];
      404: components['responses']['ConsoleRefused'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  consoleDecideDocument: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description `pl_` and 26 base32 characters, derived from student, site and start date. */
        placementId: components['parameters']['PlacementId'];
        /** @description A document's id, as the placement's requirements name it. */
        documentId: components['parameters']['DocumentId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/x-www-form-urlencoded': components['schemas']['ConsoleForm'];
      };
    };
    responses: {
      200: components['responses']['ConsolePage'];
      303: components['responses']['ConsoleRedirect'];
      400: components['responses']['ConsoleRefused'];
      401: components['responses']['ConsoleRefused'];
      403: components['responses']['ConsoleRefused'];
      404: components['responses']['ConsoleRefused'];
      409: components['responses']['ConsoleRefused'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  consoleOpenDocument: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description `pl_` and 26 base32 characters, derived from student, site and start date. */
        placementId: components['parameters']['PlacementId'];
        /** @description A document's id, as the placement's requirements name it. */
        documentId: components['parameters']['DocumentId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      303: components['responses']['ConsoleDocumentRedirect'];
      401: components['responses']['ConsoleRefused'];
      404: components['responses']['ConsoleRefused'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  consoleImportForm: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: components['responses']['ConsolePage'];
      303: components['responses']['ConsoleRedirect'];
      401: components['responses']['ConsoleRefused'];
      403: components['responses']['ConsoleRefused'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  consoleImportCheck: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          _csrf: string;
          /** Format: binary */
          file: string;
        };
        'application/x-www-form-urlencoded': {
          _csrf: string;
          /** @description The CSV's text (pasted). */
          csv: string;
          fileName?: string;
        };
      };
    };
    responses: {
      200: components['responses']['ConsolePage'];
      303: components['responses']['ConsoleRedirect'];
      400: components['responses']['ConsoleRefused'];
      401: components['responses']['ConsoleRefused'];
      403: components['responses']['ConsoleRefused'];
      413: components['responses']['PayloadTooLarge'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  consoleImportProgress: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        importId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: components['responses']['ConsolePage'];
      303: components['responses']['ConsoleRedirect'];
      401: components['responses']['ConsoleRefused'];
      403: components['responses']['ConsoleRefused'];
      404: components['responses']['ConsoleRefused'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  consoleImportRun: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        importId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/x-www-form-urlencoded': components['schemas']['ConsoleForm'];
      };
    };
    responses: {
      200: components['responses']['ConsolePage'];
      303: components['responses']['ConsoleRedirect'];
      401: components['responses']['ConsoleRefused'];
      403: components['responses']['ConsoleRefused'];
      404: components['responses']['ConsoleRefused'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  consoleReports: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: components['responses']['ConsolePage'];
      303: components['responses']['ConsoleRedirect'];
      401: components['responses']['ConsoleRefused'];
      500: components['responses']['InternalError'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
}
