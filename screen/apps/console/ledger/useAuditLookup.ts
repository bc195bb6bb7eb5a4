// Names for the ids an audit row carries (units, leaders, domains, level codes).
import { useReferenceStore } from '../../../stores/reference.js';
import type { Lookup } from './auditDiff.js';

export function useAuditLookup(): Lookup {
  const reference = useReferenceStore();
  return (field, value) => {
    if (field === 'unitId' && typeof value === 'number') return reference.unitNames.get(value);
    if ((field === 'leaderId' || field === 'chargeLeaderId') && typeof value === 'number') return reference.leaderNames.get(value);
    if (field === 'domainId' && typeof value === 'number') return reference.domainNames.get(value);
    if (field === 'levels' && Array.isArray(value)) return value.map((c) => reference.levelName(String(c))).join('、') || '（空）';
    return undefined;
  };
}
