import { type Actor, NotPermitted } from "../../domain/index.js";
import { type AccessRecord, accessRecordsFrom } from "../../privacy/accessRecords.js";
import {
  type AuditedCovenant,
  type AuditFilter,
  privacyOfficerScope,
  readInScope,
  withinPeriod,
} from "../../privacy/policy/audit.js";
import type { ReadModel } from "../readModel.js";

export interface AccessLog extends ReadModel {
  /**
   * Rule 5: the read records in the viewer's scope, oldest first. `organisationId` filters
   * on the reading organisation. Throws NotPermitted for anyone but a privacy officer of the covenant.
   */
  reads(viewer: Actor, covenant: AuditedCovenant, filter?: AuditFilter): AccessRecord[];
}

/** The access log: every read record (rule 8). It holds ids, purposes and times only, so erasure leaves it as it is. */
export function createAccessLog(): AccessLog {
  const records: AccessRecord[] = [];
  return {
    name: "accessLog",
    apply(event) {
      records.push(...accessRecordsFrom(event));
    },
    reset() {
      records.length = 0;
    },
    reads(viewer, covenant, filter = {}) {
      const scope = privacyOfficerScope(viewer, covenant);
      if (scope === null) throw new NotPermitted("privacy-officer", viewer.organisationId);
      return records
        .filter(
          (record) =>
            readInScope(scope, record) &&
            (filter.caseId === undefined || record.caseId === filter.caseId) &&
            (filter.organisationId === undefined ||
              record.organisationId === filter.organisationId) &&
            withinPeriod(record.readAt, filter),
        )
        .map((record) => ({ ...record, roles: [...record.roles], itemIds: [...record.itemIds] }));
    },
  };
}
